package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Validate: the answers of contract 2.2 for a well-formed request. */
class IronVestValidateTest {

  private static final List<String> SEED_INDICATORS = List.of("iv_is_values_collected", "iv_is_values_match",
      "iv_values_match_details", "iv_is_biometrics_collected", "iv_is_biometrics_match", "iv_liveness",
      "iv_policy_violations", "iv_biometrics_info", "iv_user_enrolled", "idv_matching", "driverLicenseCollected",
      "idlive_liveness", "regular_liveness");

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @Test
  void aDecisionCarriesEverySeedIndicatorAndAScore() {
    JsonNode decision = ironVest.decide(Validation.acme("p0"));

    assertThat(decision.path("success").asBoolean()).isTrue();
    assertThat(decision.path("verifiedAction").isBoolean()).isTrue();
    assertThat(decision.path("ivScore").isNumber()).isTrue();
    SEED_INDICATORS.forEach(field -> assertThat(decision.path("indicators").has(field)).as(field).isTrue());
    JsonNode violations = decision.path("indicators").path("iv_policy_violations");
    assertThat(violations.path("violations").isArray()).isTrue();
    assertThat(violations.path("has_violations").isBoolean()).isTrue();
    assertThat(violations.path("total_frames").isInt()).isTrue();
    assertThat(violations.path("verified_frames").isInt()).isTrue();
  }

  @Test
  void matchingValuesAndBiometricsVerifyTheAction() {
    JsonNode decision = ironVest.decide(Validation.acme("p0"));

    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
    JsonNode indicators = decision.path("indicators");
    assertThat(indicators.path("iv_is_values_collected").asBoolean()).isTrue();
    assertThat(indicators.path("iv_is_values_match").asBoolean()).isTrue();
    assertThat(indicators.path("iv_is_biometrics_collected").asBoolean()).isTrue();
    assertThat(indicators.path("iv_is_biometrics_match").asBoolean()).isTrue();
    assertThat(indicators.path("iv_values_match_details").path("amount").path("match").asBoolean()).isTrue();
  }

  @Test
  void aFirstCallIsProcessingWithARetryHint() {
    Exchange response = ironVest.send(Validation.acme(""));
    JsonNode answer = StubHttp.parse(response.responseBody());

    assertThat(response.status()).isEqualTo(200);
    assertThat(answer.path("errorMessage").asText()).isEqualTo("processing");
    assertThat(answer.path("retryAfterMS").isInt()).as("retryAfterMS is integer ms in %s", answer).isTrue();
    assertThat(answer.has("success")).isFalse();
  }

  @Test
  void theDecisionFollowsTheProcessingAnswers() {
    List<JsonNode> answers = ironVest.untilDecided(Validation.acme(""), 5);

    assertThat(answers).hasSize(2);
    assertThat(answers.get(1).path("success").asBoolean()).isTrue();
  }

  @Test
  void aDecidedCsidAnswersTheSameDecisionAgain() {
    Validation validation = Validation.acme("p0");
    JsonNode first = ironVest.decide(validation);

    assertThat(ironVest.validate(validation)).isEqualTo(first);
    assertThat(ironVest.validate(validation.withSessionData("[{'key':'amount','value':99}]"))).isEqualTo(first);
  }

  @Test
  void answersAreJson() {
    Exchange response = ironVest.send(Validation.acme("p0"));

    assertThat(response.responseHeader("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
  }
}
