package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The csid tokens of contract 2.3 (see CsidConventions): how long a csid processes, and what it decides. */
class IronVestConventionsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @ParameterizedTest(name = "csid {0}: {1} processing answers")
  @CsvSource({"'', 1", "p0, 0", "p1, 1", "p3, 3", "P2, 2", "x_p2, 2", "a.p4:b, 4"})
  void pNAnswersProcessingNTimesBeforeTheDecision(String tokens, int processing) {
    List<JsonNode> answers = ironVest.untilDecided(Validation.acme(tokens), 10);

    assertThat(answers).hasSize(processing + 1);
    assertThat(answers.subList(0, processing)).allSatisfy(
        answer -> assertThat(answer.path("errorMessage").asText()).isEqualTo("processing"));
    assertThat(answers.get(processing).path("success").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "csid {0}: retryAfterMS {1}")
  @CsvSource({"p1, 100", "p1-r250, 250", "r0_p1, 0", "p1.r1234567, 1234567"})
  void rMsSetsTheRetryHint(String tokens, int retryAfterMs) {
    JsonNode processing = ironVest.validate(Validation.acme(tokens));

    assertThat(processing.path("retryAfterMS").isInt()).isTrue();
    assertThat(processing.path("retryAfterMS").intValue()).isEqualTo(retryAfterMs);
  }

  @Test
  void noretryAnswersProcessingWithoutARetryHint() {
    JsonNode processing = ironVest.validate(Validation.acme("p1-r250-noretry"));

    assertThat(processing.path("errorMessage").asText()).isEqualTo("processing");
    assertThat(processing.has("retryAfterMS")).isFalse();
  }

  @Test
  void processingIsCountedPerCsid() {
    Validation slow = Validation.acme("p2");
    ironVest.validate(slow);
    Validation other = Validation.acme("p2");

    assertThat(ValidateCalls.isProcessing(ironVest.validate(other))).isTrue();
    assertThat(ValidateCalls.isProcessing(ironVest.validate(slow))).isTrue();
    assertThat(ValidateCalls.isProcessing(ironVest.validate(slow))).isFalse();
  }

  @Test
  void uNAnswers503WithRetryAfterBeforeAnythingElse() {
    Validation validation = Validation.acme("u2-p1");

    for (int i = 0; i < 2; i++) {
      Exchange response = ironVest.send(validation);
      JsonNode body = StubHttp.parse(response.responseBody());
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.responseHeader("Retry-After")).hasValue("1");
      assertThat(body.path("success").isBoolean() && !body.path("success").booleanValue()).isTrue();
      assertThat(body.path("error").asText()).isNotBlank();
    }
    assertThat(ironVest.untilDecided(validation, 5)).hasSize(2);
  }

  @Test
  void mismatchDecidesThatTheValuesDoNotMatch() {
    JsonNode indicators = decided("p0-mismatch", false).path("indicators");

    assertThat(indicators.path("iv_is_values_match").asBoolean()).isFalse();
    assertThat(indicators.path("iv_values_match_details").path("amount").path("match").asBoolean()).isFalse();
    assertThat(indicators.path("iv_is_biometrics_match").asBoolean()).isTrue();
  }

  @Test
  void nobioDecidesWithoutBiometricsAndStillVerifiesMatchingValues() {
    JsonNode indicators = decided("p0-nobio", true).path("indicators");

    assertThat(indicators.path("iv_is_biometrics_collected").asBoolean()).isFalse();
    assertThat(indicators.path("iv_is_biometrics_match").asBoolean()).isFalse();
    assertThat(indicators.path("iv_is_values_match").asBoolean()).isTrue();
  }

  @Test
  void biofailDecidesThatTheBiometricsDoNotMatch() {
    JsonNode indicators = decided("p0-biofail", false).path("indicators");

    assertThat(indicators.path("iv_is_biometrics_collected").asBoolean()).isTrue();
    assertThat(indicators.path("iv_is_biometrics_match").asBoolean()).isFalse();
    assertThat(indicators.path("iv_is_values_match").asBoolean()).isTrue();
  }

  @Test
  void apperrEndsInATerminalApplicationError() {
    Validation validation = Validation.acme("p1-apperr");
    JsonNode answer = ironVest.decide(validation);

    assertThat(answer.path("errorMessage").asText()).isEqualTo("session not found");
    assertThat(answer.has("success")).isFalse();
    assertThat(ironVest.validate(validation)).isEqualTo(answer);
  }

  @Test
  void unknownTokensAreIgnored() {
    JsonNode decision = ironVest.decide(Validation.acme("p0-checkout-x9-pp1-mismatches"));

    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
  }

  private static JsonNode decided(String tokens, boolean verified) {
    JsonNode decision = ironVest.decide(Validation.acme(tokens));
    assertThat(decision.path("success").asBoolean()).as("a decision: %s", decision).isTrue();
    assertThat(decision.path("verifiedAction").asBoolean()).as("verifiedAction of %s", decision).isEqualTo(verified);
    return decision;
  }
}
