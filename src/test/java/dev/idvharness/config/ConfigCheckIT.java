package dev.idvharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad configuration stops the run at its first step: one line naming the key and the form, exit code 2. */
class ConfigCheckIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key            | -Dpoll.intervall=5          |        | unknown configuration key: system property -Dpoll.intervall",
      "negative duration      | -Dpoll.intervalMs=-1        |        | poll.intervalMs (POLL_INTERVAL_MS) must be a whole number > 0, not '-1'",
      "rate of zero           | -Dload.usersPerSec=0        |        | load.usersPerSec",
      "base URL not http(s)   | -Dcyberark.baseUrl=ftp://x  |        | cyberark.baseUrl (CYBERARK_BASE_URL) must be an http(s) URL",
      "secret given as -D     | -Dironvest.apiKey=abc       |        | ironvest.apiKey is a secret: set it only in the environment as IRONVEST_API_KEY",
      "bad value from the env | -Dharness.target=local      | VALIDATE_DEADLINE_MS=soon | validate.deadlineMs (VALIDATE_DEADLINE_MS) must be a whole number > 0, not 'soon'",
  })
  void aBadConfigurationIsOneLineAndExitCodeTwo(String name, String property, String environment, String expected)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(java(), property, "-cp", Path.of("target", "classes").toString(),
        ConfigCheck.class.getName());
    if (environment != null) {
      String[] pair = environment.split("=", 2);
      builder.environment().put(pair[0], pair[1]);
    }
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> stderr = new ArrayList<>(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines().filter(line -> !line.isBlank()).toList());

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr).singleElement().asString().startsWith("config: ").contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"defaults | -Dharness.target=local"})
  void aGoodConfigurationPasses(String name, String property) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java(), property, "-cp", Path.of("target", "classes").toString(),
        ConfigCheck.class.getName()).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
