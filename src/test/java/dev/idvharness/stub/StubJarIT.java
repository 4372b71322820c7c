package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged target/idv-stubs.jar, run the way other teams run it: its own process, real flags. */
class StubJarIT {

  private static final Pattern SERVING = Pattern.compile("serving CyberArk and IronVest on (http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void theJarServesWithinFiveSecondsOfStart() throws Exception {
    long started = System.nanoTime();
    Process process = launch("--port", "0");
    try {
      String baseUrl = awaitServing(process);
      long servingAfterMs = (System.nanoTime() - started) / 1_000_000;

      JsonNode answer = new StubHttp(baseUrl, Duration.ofSeconds(30))
          .postJson(StubHttp.CYBERARK_START, StubHttp.json("{'User':'mfa.push@idv.test'}"));
      String description = new StubHttp(baseUrl, Duration.ofSeconds(30))
          .get("/__admin/idv/openapi.json").responseBody();

      assertThat(servingAfterMs).as("ms from start to serving").isLessThan(5_000);
      assertThat(answer.at("/Result/Summary").asText()).isEqualTo("NewPackage");
      assertThat(description).as("the jar carries docs/openapi/idv-stubs.json")
          .isEqualTo(Files.readString(Path.of("docs/openapi/idv-stubs.json")));
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void mtlsFlagsServeHttpsToo(@TempDir Path tlsDir) throws Exception {
    Process process = launch("--port", "0", "--https-port", "0", "--mtls", "--tls-dir", tlsDir.toString());
    try {
      String line = readLine(process);
      assertThat(line).contains("https://localhost:").contains("client certificate required");
      assertThat(tlsDir.resolve("client.p12")).exists();
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBadFlagIsOneLineAndExitCodeTwo() throws Exception {
    Result result = runToEnd("--port", "http");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).containsExactly("idv-stubs: --port must be a whole number from 0 to 65535, not 'http'");
  }

  @Test
  void aBadProfileIsOneLineNamingTheFieldAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("bad.json");
    Files.writeString(profile, "{\"ironvest\":{\"retryAfterMs\":-5}}");

    Result result = runToEnd("--port", "0", "--profile", profile.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).hasSize(1);
    assertThat(result.stderr().get(0)).startsWith("idv-stubs: profile ").contains("ironvest.retryAfterMs must be an integer >= 0");
  }

  private record Result(int exitCode, List<String> stderr) {}

  private static Result runToEnd(String... args) throws IOException, InterruptedException {
    Process process = launch(args);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("launcher exited").isTrue();
    List<String> lines = new ArrayList<>();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      err.lines().filter(line -> !line.isBlank()).forEach(lines::add);
    }
    return new Result(process.exitValue(), lines);
  }

  private static Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/idv-stubs.jar"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static String awaitServing(Process process) throws IOException {
    String line = readLine(process);
    Matcher matcher = SERVING.matcher(line == null ? "" : line);
    assertThat(matcher.find()).as("first line: " + line).isTrue();
    return matcher.group(1);
  }

  /** The launcher's one start-up line (it prints nothing before it serves). */
  private static String readLine(Process process) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return out.readLine();
  }
}
