package dev.idvharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration chain: -D &gt; environment &gt; harness.properties &gt; default, and its one-line errors. */
class HarnessConfigTest {

  private static final Map<String, String> NONE = Map.of();
  private static final String SECRET = "hunter2-s3cr3t";

  // --- precedence and names

  @Test
  void theDefaultAppliesWhenNothingIsSet() {
    assertThat(HarnessConfig.from(NONE, NONE, NONE).get(Keys.POLL_INTERVAL_MS)).isEqualTo(1000L);
  }

  @Test
  void theFileOverridesTheDefault() {
    HarnessConfig config = HarnessConfig.from(NONE, NONE, Map.of("poll.intervalMs", "2000"));

    assertThat(config.get(Keys.POLL_INTERVAL_MS)).isEqualTo(2000L);
  }

  @Test
  void theEnvironmentOverridesTheFile() {
    HarnessConfig config =
        HarnessConfig.from(NONE, Map.of("POLL_INTERVAL_MS", "3000"), Map.of("poll.intervalMs", "2000"));

    assertThat(config.get(Keys.POLL_INTERVAL_MS)).isEqualTo(3000L);
  }

  @Test
  void aSystemPropertyOverridesTheEnvironmentAndTheFile() {
    HarnessConfig config = HarnessConfig.from(Map.of("poll.intervalMs", "4000"),
        Map.of("POLL_INTERVAL_MS", "3000"), Map.of("poll.intervalMs", "2000"));

    assertThat(config.get(Keys.POLL_INTERVAL_MS)).isEqualTo(4000);
  }

  @ParameterizedTest(name = "{0} is read from {1}")
  @CsvSource({
      "poll.intervalMs, POLL_INTERVAL_MS",
      "cyberark.baseUrl, CYBERARK_BASE_URL",
      "harness.httpTimeoutMs, HARNESS_HTTP_TIMEOUT_MS",
      "load.ironvestShare, LOAD_IRONVEST_SHARE",
      "cyberark.password, CYBERARK_PASSWORD"})
  void theEnvironmentNameIsTheKeyInUpperSnakeCase(String name, String environmentName) {
    assertThat(key(name).environmentName()).isEqualTo(environmentName);
  }

  // --- unknown keys, and keys that are not ours

  @ParameterizedTest(name = "-D{0}")
  @ValueSource(strings = {"poll.intervalMS", "poll.interval", "cyberark.tenant", "harness.foo", "sla.unknown"})
  void anUnknownSystemPropertyUnderOurPrefixesIsRefusedNamingIt(String name) {
    String message = errorOf(Map.of(name, "1"), NONE, NONE);

    assertThat(message).contains("-D" + name).contains("unknown");
  }

  @Test
  void anUnknownKeyInTheFileIsRefusedNamingIt() {
    String message = errorOf(NONE, NONE, Map.of("validate.deadline", "30000"));

    assertThat(message).contains("harness.properties").contains("validate.deadline").contains("unknown");
  }

  @Test
  void otherSystemPropertiesAndEnvironmentVariablesAreIgnored() {
    Map<String, String> system = Map.of("java.version", "17", "user.home", "/home/ci", "http.proxyHost", "proxy",
        "https.proxyPort", "3128", "file.encoding", "UTF-8", "maven.repo.local", "/m2", "surefire.test.class.path", "x");
    // the environment is shared with everything else: only names under our prefixes are ours to judge
    Map<String, String> environment = Map.of("PATH", "/bin", "POLLING_STATION", "oops", "HOME", "/home/ci",
        "LOADER_PATH", "/opt");

    HarnessConfig config = HarnessConfig.from(system, environment, NONE);

    assertThat(config.get(Keys.POLL_INTERVAL_MS)).isEqualTo(1000L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "LOAD_USERS_PER_SECOND, load.usersPerSec (LOAD_USERS_PER_SEC)",
      "POLL_INTERVL_MS, poll.intervalMs (POLL_INTERVAL_MS)",
      "CYBERARK_TENANT, cyberark.tenantId (CYBERARK_TENANT_ID)"})
  void anEnvironmentVariableUnderOurPrefixesThatNamesNoKeyIsOneWarningWithTheClosestKey(String name, String closest) {
    assertThat(HarnessConfig.unknownEnvironment(Map.of(name, "50"))).singleElement().asString()
        .contains("warning: environment variable " + name + " names no configuration key")
        .contains("did you mean " + closest);
    // the run goes on: the environment is shared with the CI runner, Kubernetes and wrapper scripts
    assertThat(HarnessConfig.from(NONE, Map.of(name, "50"), NONE).get(Keys.POLL_INTERVAL_MS)).isEqualTo(1000L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"LOAD_BALANCER_URL", "POLL_SERVICE_HOST", "DRIFT_CMD"})
  void aSharedEnvironmentsOwnVariableUnderOurPrefixesStopsNothing(String name) {
    HarnessConfig config = HarnessConfig.from(NONE, Map.of(name, "x"), NONE);

    assertThat(config.get(Keys.LOAD_PROFILE_KEY)).isEqualTo(LoadProfile.SMOKE);
  }

  @Test
  void aMisspeltSystemPropertyIsStillRefused() {
    assertThat(errorOf(Map.of("load.usersPerSecond", "50"), NONE, NONE))
        .contains("unknown configuration key: system property -Dload.usersPerSecond");
  }

  @Test
  void everyProblemIsNamedOnTheOneLine() {
    String message = errorOf(Map.of("poll.intervall", "5", "poll.deadlineMs", "-1", "load.usersPerSecond", "50"),
        NONE, NONE);

    assertThat(message).contains("-Dpoll.intervall").contains("-Dload.usersPerSecond")
        .contains("poll.deadlineMs (POLL_DEADLINE_MS) must be a whole number > 0");
  }

  @Test
  void aValueThatIsSetCountsAsSetEvenWhenItEqualsTheDefault() {
    HarnessConfig config = HarnessConfig.from(NONE, Map.of("CYBERARK_TENANT_ID", "ABC1234"), NONE);

    assertThat(config.isSet(Keys.CYBERARK_TENANT_ID)).isTrue();
    assertThat(config.isSet(Keys.CYBERARK_USER)).as("left to its default").isFalse();
    assertThat(config.whyNotSet(Keys.CYBERARK_USER)).isEqualTo("unset");
  }

  @Test
  void aBlankValueCountsAsUnsetAndSaysItIsBlank() {
    HarnessConfig config = HarnessConfig.from(NONE, Map.of("IRONVEST_CSID", " "), NONE);

    assertThat(config.isSet(Keys.IRONVEST_CSID)).isFalse();
    assertThat(config.whyNotSet(Keys.IRONVEST_CSID)).isEqualTo("blank");
    assertThatThrownBy(() -> config.get(Keys.IRONVEST_CSID)).hasMessageContaining("is required and blank");
  }

  // --- bad values: one line naming the key, its environment variable, the expected form and the value

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "poll.intervalMs            | -1              | a whole number > 0",
      "poll.deadlineMs            | 0               | a whole number > 0",
      "harness.httpTimeoutMs      | ten seconds     | a whole number > 0",
      "validate.deadlineMs        | 1.5             | a whole number > 0",
      "validate.unavailableRetries| -1              | a whole number from 0 to 2147483647",
      "load.ironvestShare         | 1.5             | a number from 0 to 1",
      "load.ironvestShare         | -0.1            | a number from 0 to 1",
      "load.ironvestShare         | NaN             | a number from 0 to 1",
      "cyberark.baseUrl           | ftp://x         | an http(s) URL",
      "cyberark.baseUrl           | localhost:8080  | an http(s) URL",
      "ironvest.baseUrl           | not a url       | an http(s) URL",
      "ironvest.baseUrl           | http://         | an http(s) URL",
      "ironvest.baseUrl           | http://host:99999 | an http(s) URL",
      "harness.target             | production      | local or remote",
      "load.allowRemote           | yes             | true or false"})
  void aBadValueIsRefusedOnOneLineNamingTheKeyAndTheExpectedForm(String name, String value, String form) {
    String message = errorOf(Map.of(name, value), NONE, NONE);

    assertThat(message).contains(name).contains(key(name).environmentName()).contains(form).contains("'" + value + "'");
  }

  @Test
  void aBadValueFromTheEnvironmentOrTheFileIsRefusedToo() {
    assertThat(errorOf(NONE, Map.of("POLL_INTERVAL_MS", "-1"), NONE)).contains("poll.intervalMs").contains("> 0");
    assertThat(errorOf(NONE, NONE, Map.of("poll.intervalMs", "-1"))).contains("poll.intervalMs").contains("> 0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://localhost:8089", "https://abc1234.my.idaptive.app", "HTTPS://Example.COM/v1"})
  void anHttpOrHttpsUrlIsABaseUrl(String url) {
    HarnessConfig config = HarnessConfig.from(Map.of("cyberark.baseUrl", url), NONE, NONE);

    assertThat(config.get(Keys.CYBERARK_BASE_URL)).isEqualTo(url);
  }

  @Test
  void aValueWithLineBreaksOrOfAnyLengthIsShownOnOneShortLine() {
    String message = errorOf(NONE, Map.of("POLL_INTERVAL_MS", "10\n00\r\u0000" + "9".repeat(10_000)), NONE);

    assertThat(message).contains("poll.intervalMs").hasSizeLessThan(300);
    assertOneLine(message);
  }

  @Test
  void anUnknownKeyWithALineBreakIsNamedOnOneLine() {
    String message = errorOf(NONE, NONE, Map.of("poll.interval\nMs", "1"));

    assertThat(message).contains("poll.interval");
    assertOneLine(message);
  }

  @Test
  void aValueTooLargeForItsKeysTypeIsRefusedAtLoadNotWhenRead() {
    assertThat(HarnessConfig.from(Map.of("poll.deadlineMs", "9999999999"), NONE, NONE).get(Keys.POLL_DEADLINE_MS))
        .isEqualTo(9_999_999_999L);
    assertThat(errorOf(Map.of("sla.p95Ms", "9999999999"), NONE, NONE))
        .contains("sla.p95Ms (SLA_P95_MS) must be a whole number from 1 to 2147483647, not '9999999999'");
  }

  @Test
  void aValueIsParsedOnceIntoItsKeysType() {
    HarnessConfig config = HarnessConfig.from(Map.of("drift.failOn", "type-changed, new-value",
        "load.startAt", "1764590400000", "load.profile", "stress"), NONE, NONE);

    assertThat(config.get(Keys.DRIFT_FAIL_ON)).containsExactly(DriftKind.TYPE_CHANGED, DriftKind.NEW_VALUE);
    assertThat(config.get(Keys.LOAD_START_AT)).isEqualTo(java.time.Instant.parse("2025-12-01T12:00:00Z"));
    assertThat(config.get(Keys.LOAD_PROFILE_KEY)).isEqualTo(LoadProfile.STRESS);
    assertThat(HarnessConfig.from(NONE, NONE, NONE).get(Keys.DRIFT_FAIL_ON)).isEmpty();
  }

  // --- secrets: only from the environment, never shown

  @Test
  void aSecretIsReadFromTheEnvironment() {
    HarnessConfig config = HarnessConfig.from(NONE, Map.of("CYBERARK_PASSWORD", SECRET), NONE);

    assertThat(config.get(Keys.CYBERARK_PASSWORD)).isEqualTo(SECRET);
    assertThat(config.secretValues()).containsExactly(SECRET);
  }

  @ParameterizedTest(name = "-D{0}")
  @ValueSource(strings = {"cyberark.password", "ironvest.apiKey"})
  void aSecretGivenAsASystemPropertyIsRefusedWithoutShowingIt(String name) {
    String message = errorOf(Map.of(name, SECRET), NONE, NONE);

    assertThat(message).contains(name).contains("environment").contains(key(name).environmentName())
        .doesNotContain(SECRET);
    assertOneLine(message);
  }

  @Test
  void aSecretInTheFileIsRefusedWithoutShowingIt() {
    String message = errorOf(NONE, Map.of("IRONVEST_API_KEY", SECRET), Map.of("ironvest.apiKey", SECRET));

    assertThat(message).contains("ironvest.apiKey").contains("IRONVEST_API_KEY").doesNotContain(SECRET);
  }

  @Test
  void aSecretDoesNotAppearInTheErrorOfAnotherKey() {
    String message = errorOf(Map.of("poll.intervalMs", "-1"), Map.of("CYBERARK_PASSWORD", SECRET), NONE);

    assertThat(message).contains("poll.intervalMs").doesNotContain(SECRET);
  }

  @Test
  void aBadValueOfASecretKeyIsShownAsStars() {
    Key<Integer> secretNumber = Key.undeclared("harness.secretPin", Key.Form.POSITIVE_INT, true);

    assertThat(HarnessConfig.shown(secretNumber, "not-a-number-" + SECRET)).isEqualTo("***");
  }

  // --- missing required values

  @Test
  void aMissingRequiredValueNamesTheKeyAndItsEnvironmentVariable() {
    HarnessConfig config = HarnessConfig.from(NONE, NONE, NONE);

    assertThatThrownBy(() -> config.get(Keys.IRONVEST_CSID)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("ironvest.csid").hasMessageContaining("-Dironvest.csid")
        .hasMessageContaining("IRONVEST_CSID")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest(name = "CYBERARK_PASSWORD=\"{0}\"")
  @ValueSource(strings = {"", "  "})
  void aMissingOrBlankSecretNamesOnlyItsEnvironmentVariable(String blank) {
    for (Map<String, String> environment : List.of(NONE, Map.of("CYBERARK_PASSWORD", blank))) {
      HarnessConfig config = HarnessConfig.from(NONE, environment, NONE);

      assertThatThrownBy(() -> config.get(Keys.CYBERARK_PASSWORD)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("cyberark.password").hasMessageContaining("CYBERARK_PASSWORD")
          .hasMessageNotContaining("-D").hasMessageNotContaining("\n");
    }
  }

  private static Key<?> key(String name) {
    return Keys.all().stream().filter(key -> key.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no key " + name));
  }

  /** The message of the ConfigException that these sources cause; it is always one line. */
  private static String errorOf(Map<String, String> system, Map<String, String> environment, Map<String, String> file) {
    Throwable error = catchThrowable(
        () -> HarnessConfig.from(new HashMap<>(system), new HashMap<>(environment), new HashMap<>(file)));
    assertThat(error).as("a configuration error").isInstanceOf(ConfigException.class);
    assertOneLine(error.getMessage());
    return error.getMessage();
  }

  private static void assertOneLine(String message) {
    assertThat(message).as("one line").doesNotContain("\n", "\r");
    assertThat(message.chars().noneMatch(Character::isISOControl)).as("no control characters in: %s", message).isTrue();
  }
}
