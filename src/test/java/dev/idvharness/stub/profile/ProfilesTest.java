package dev.idvharness.stub.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Profiles are checked when read: each mistake is one line that names the field. */
class ProfilesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stubs/profiles/default.json", "stubs/profiles/none.json"})
  void theShippedProfilesAreValid(String file) {
    Profile profile = Profiles.load(Path.of(file));

    assertThat(profile.sessions().maxEntries()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top-level key     | {\"latency\":{}}                                                       | latency",
      "unknown endpoint          | {\"endpoints\":{\"ironvest.valid\":{}}}                                   | unknown endpoint 'ironvest.valid'",
      "unknown delay type        | {\"endpoints\":{\"ironvest.validate\":{\"delay\":{\"type\":\"gauss\"}}}}     | type must be none, fixed, uniform or lognormal",
      "negative fixed delay      | {\"endpoints\":{\"ironvest.validate\":{\"delay\":{\"type\":\"fixed\",\"ms\":-1}}}} | ms is required and must be a number >= 0",
      "uniform max below min     | {\"endpoints\":{\"ironvest.validate\":{\"delay\":{\"type\":\"uniform\",\"minMs\":9,\"maxMs\":1}}}} | maxMs must be >= minMs",
      "fault rate above one      | {\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"resetRate\":1.5}}}}   | resetRate must be between 0 and 1",
      "fault rates summing above one | {\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"resetRate\":0.6,\"stallRate\":0.6}}}} | must not exceed 1",
      "negative processing calls | {\"ironvest\":{\"processingCalls\":-1}}                                  | ironvest.processingCalls must be an integer >= 0",
      "zero session limit        | {\"sessions\":{\"maxEntries\":0}}                                         | sessions.maxEntries must be an integer >= 1",
      "not JSON                  | {endpoints:                                                               | not valid JSON",
  })
  void aBadProfileIsOneLineNamingTheProblem(String name, String json, String expected) {
    assertThatThrownBy(() -> Profiles.parse(json.getBytes(StandardCharsets.UTF_8), "profile test.json"))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("profile test.json: ")
        .hasMessageContaining(expected)
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Poll falls back to the whole call | cyberark.SendIdentityVerification.Poll | 7",
      "Poll's own setting wins           | cyberark.SendIdentityVerification.Answer | 3",
  })
  void actionSettingsFallBackToTheirEndpoint(String name, String endpoint, long expectedMs) {
    Profile profile = Profiles.parse(("{\"endpoints\":{"
        + "\"cyberark.SendIdentityVerification\":{\"delay\":{\"type\":\"fixed\",\"ms\":7}},"
        + "\"cyberark.SendIdentityVerification.Answer\":{\"delay\":{\"type\":\"fixed\",\"ms\":3}}}}")
        .getBytes(StandardCharsets.UTF_8), "test");

    assertThat(profile.endpoint(endpoint).delay().sampleMillis()).isEqualTo(expectedMs);
  }
}
