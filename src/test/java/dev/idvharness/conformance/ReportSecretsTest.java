package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idvharness.client.PemTls;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.stub.StubData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the conformance suite (its own Surefire execution, see pom.xml) and searches what that run wrote, the
 * Cucumber reports and the suite's log, for every secret: the configured ones, and in local runs the passwords,
 * codes and API keys of the stub data and the generated client key.
 */
class ReportSecretsTest {

  static final Path REPORTS = Path.of("reports", "cucumber");
  static final Path SUREFIRE = Path.of("target", "surefire-reports");
  private static final String HTML_DATA_START = "window.CUCUMBER_MESSAGES = ";

  @Test
  void noSecretAppearsInTheReportsOrTheLogOfTheConformanceRun() throws IOException {
    List<String> secrets = secrets();
    Map<Path, String> written = writtenByTheRun();

    assertThat(secrets).as("secrets to search for").isNotEmpty();
    assertThat(hits(secrets, written)).as("secrets found in " + written.keySet()).isEmpty();
  }

  /** What the run wrote; the HTML report only from its data (its bundled JavaScript holds digits like 0123456789). */
  static Map<Path, String> writtenByTheRun() throws IOException {
    Map<Path, String> written = new LinkedHashMap<>();
    for (String report : List.of("cucumber.json", "junit.xml", "index.html")) {
      Path file = REPORTS.resolve(report);
      assertThat(file).as("the conformance run writes " + file + " (run RunCucumberTest first)").isRegularFile();
      written.put(file, Files.readString(file, StandardCharsets.UTF_8));
    }
    Path json = REPORTS.resolve("cucumber.json");
    written.put(json, written.get(json) + "\n" + decodedEmbeddings(written.get(json)));
    String html = written.get(REPORTS.resolve("index.html"));
    int start = html.indexOf(HTML_DATA_START);
    assertThat(start).as("index.html carries its run data after " + HTML_DATA_START).isPositive();
    written.put(REPORTS.resolve("index.html"), html.substring(start, html.indexOf("</script>", start)));
    if (Files.isDirectory(SUREFIRE)) {
      try (Stream<Path> files = Files.list(SUREFIRE)) {
        for (Path log : files.filter(f -> f.getFileName().toString().contains("RunCucumberTest")).toList()) {
          written.put(log, Files.readString(log, StandardCharsets.UTF_8));
        }
      }
    }
    return written;
  }

  /** The JSON report base64-encodes attachments: their text, where a leaked request would be. */
  static String decodedEmbeddings(String cucumberJson) throws IOException {
    StringBuilder text = new StringBuilder();
    for (JsonNode embeddings : new ObjectMapper().readTree(cucumberJson).findValues("embeddings")) {
      for (JsonNode embedding : embeddings) {
        text.append(new String(Base64.getDecoder().decode(embedding.path("data").asText()), StandardCharsets.UTF_8))
            .append('\n');
      }
    }
    return text.toString();
  }

  /** Every secret this run could have seen. */
  static List<String> secrets() throws IOException {
    List<String> secrets = new ArrayList<>(HarnessConfig.load().secretValues());
    secrets.addAll(StubData.load(Path.of(Keys.STUBS_DIR.defaultValue())).secrets());
    Path generatedKey = Path.of("target", "idv-tls", "client-key.pem");
    if (Files.isRegularFile(generatedKey)) {
      secrets.addAll(Target.pemBodyLines(Files.readString(generatedKey)));
    }
    HarnessConfig.load().find(Keys.IRONVEST_CLIENT_KEY)
        .ifPresent(key -> secrets.addAll(Target.pemBodyLines(PemTls.read(key))));
    return secrets.stream().filter(secret -> secret.length() >= 4).distinct().toList();
  }

  /** A secret with a quote or backslash appears escaped inside JSON strings: search both forms. */
  private static List<String> withJsonEscapedForms(List<String> secrets) {
    List<String> forms = new ArrayList<>(secrets);
    for (String secret : secrets) {
      String escaped = secret.replace("\\", "\\\\").replace("\"", "\\\"");
      if (!escaped.equals(secret)) {
        forms.add(escaped);
      }
    }
    return forms;
  }

  /**
   * Where a secret appears as a whole token (not inside a longer run of letters and digits, so that a six-digit OTP
   * is not "found" inside a timestamp). A hit shows the file and the offset, never the secret.
   */
  static List<String> hits(List<String> secrets, Map<Path, String> written) {
    List<String> hits = new ArrayList<>();
    for (String secret : withJsonEscapedForms(secrets)) {
      Pattern token = Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])");
      written.forEach((file, text) -> {
        Matcher matcher = token.matcher(text);
        if (matcher.find()) {
          hits.add(file + " at offset " + matcher.start() + ": a secret of " + secret.length() + " characters starting "
              + secret.substring(0, 2) + "...");
        }
      });
    }
    return hits;
  }
}
