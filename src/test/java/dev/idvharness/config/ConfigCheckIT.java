package dev.idvharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
      "typo in a -D           | -Dload.usersPerSecond=50    |        | system property -Dload.usersPerSecond, did you mean load.usersPerSec (LOAD_USERS_PER_SEC)?",
      "remote, incomplete     | -Dharness.target=remote     | CYBERARK_BASE_URL=https://tenant.example.test;CYBERARK_TENANT_ID=ABC1234;CYBERARK_PASSWORD= | harness.target=remote: CyberArk (its base URL is set) needs CYBERARK_USER is unset, CYBERARK_PASSWORD is blank",
      "remote, no vendor      | -Dharness.target=remote     |        | CYBERARK_BASE_URL and IRONVEST_BASE_URL are both unset",
  })
  void aBadConfigurationIsOneLineAndExitCodeTwo(String name, String property, String environment, String expected)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(java(), property, "-cp", Path.of("target", "classes").toString(),
        ConfigCheck.class.getName());
    clearOurs(builder);
    if (environment != null) {
      for (String assignment : environment.split(";")) {
        String[] pair = assignment.split("=", 2);
        builder.environment().put(pair[0], pair[1]);
      }
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
    ProcessBuilder builder = new ProcessBuilder(java(), property, "-cp", Path.of("target", "classes").toString(),
        ConfigCheck.class.getName());
    clearOurs(builder);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
  }

  /** The environment is shared (a CI runner's LOAD_BALANCER_URL): a name under our prefixes is a warning line. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"LOAD_BALANCER_URL", "POLL_SERVICE_HOST", "DRIFT_CMD", "LOAD_USERS_PER_SECOND"})
  void anEnvironmentVariableThatMerelySharesAPrefixIsOneWarningLine(String name) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java(), "-Dharness.target=local", "-cp",
        Path.of("target", "classes").toString(), ConfigCheck.class.getName());
    clearOurs(builder);
    builder.environment().put(name, "10.0.0.1");
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(line -> !line.isBlank()).toList();

    assertThat(process.exitValue()).isZero();
    assertThat(stderr).singleElement().asString().contains("warning: environment variable " + name
        + " names no configuration key").doesNotContain("10.0.0.1");
  }

  @Test
  void aCompleteRemoteConfigurationWithAStubDefaultValuePassesWithAWarning() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java(), "-Dharness.target=remote", "-cp",
        Path.of("target", "classes").toString(), ConfigCheck.class.getName());
    clearOurs(builder);
    builder.environment().putAll(java.util.Map.of("CYBERARK_BASE_URL", "https://tenant.example.test",
        "CYBERARK_TENANT_ID", "ABC1234", "CYBERARK_USER", "someone@example.test", "CYBERARK_PASSWORD", "pw-from-env"));
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isZero();
    assertThat(stdout).contains("warning: CYBERARK_TENANT_ID=ABC1234 is also the local stub's default")
        .contains("remote target, configuration valid").doesNotContain("pw-from-env");
  }

  /** The child sees only the variables a row gives, not those of whoever runs the build. */
  private static void clearOurs(ProcessBuilder builder) {
    builder.environment().keySet().removeIf(name -> name.matches(
        "(HARNESS|CYBERARK|IRONVEST|POLL|VALIDATE|LOAD|SLA|REPORTS|DRIFT)_.*"));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
