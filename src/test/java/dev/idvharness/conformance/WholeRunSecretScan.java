package dev.idvharness.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The last step of {@code ./mvnw verify} (bound in pom.xml after the integration tests): searches everything the
 * whole run wrote, {@code reports/} and the test logs and console output under {@code target/}, for every secret
 * (configured ones; in local runs the stub data's passwords, codes and API keys and the generated client key), and
 * fails the build on a hit. The hit names the file and offset, never the secret.
 */
public final class WholeRunSecretScan {

  private static final List<Path> ROOTS = List.of(
      Path.of("reports"), Path.of("target", "surefire-reports"), Path.of("target", "failsafe-reports"),
      Path.of("target", "gatling"));
  /** Encoded or binary content, where a short secret could only appear by coincidence inside base64. */
  private static final Set<String> SKIPPED = Set.of(".hlog", ".png", ".ico", ".woff", ".woff2", ".ttf", ".gz", ".jar",
      ".class", ".p12");

  private WholeRunSecretScan() {}

  public static void main(String[] args) throws IOException {
    List<String> secrets = ReportSecretsTest.secrets();
    Map<Path, String> written = written(ROOTS);
    List<String> hits = ReportSecretsTest.hits(secrets, written);
    if (!hits.isEmpty()) {
      throw new IllegalStateException("secret scan: " + hits.size() + " secret(s) found in what the run wrote: "
          + String.join("; ", hits));
    }
    System.out.println("secret scan: " + secrets.size() + " secrets searched in " + written.size()
        + " files under " + ROOTS + ": none found");
  }

  /** The text of every file under the roots that could hold a leaked secret. */
  static Map<Path, String> written(List<Path> roots) throws IOException {
    Map<Path, String> written = new LinkedHashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).filter(WholeRunSecretScan::isText).toList()) {
          written.put(file, readable(file));
        }
      }
    }
    return written;
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    return SKIPPED.stream().noneMatch(name::endsWith) && !name.equals("README.md");
  }

  /** The Cucumber JSON report base64-encodes attachments: scan their text too. */
  private static String readable(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (file.getFileName().toString().equals("cucumber.json")) {
      return text + "\n" + ReportSecretsTest.decodedEmbeddings(text);
    }
    return text;
  }
}
