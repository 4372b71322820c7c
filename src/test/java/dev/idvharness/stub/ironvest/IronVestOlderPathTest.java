package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The older path of earlier vendor docs, {@code POST /api/v1/validate} (contract 2.1, [client]), is served exactly as
 * {@code /v1/validate}: the same transformer, the same sessions and the same statistics name ([ours]).
 */
class IronVestOlderPathTest {

  static final String OLDER_PATH = "/api/v1/validate";

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls current = new ValidateCalls(stub);
  private static final ValidateCalls older = new ValidateCalls(stub, OLDER_PATH);

  @Test
  void theOlderPathAnswersProcessingThenTheDecision() {
    List<JsonNode> answers = older.untilDecided(Validation.acme("p2-r20"), 5);

    assertThat(answers).hasSize(3);
    assertThat(answers.get(0).path("errorMessage").asText()).isEqualTo("processing");
    assertThat(answers.get(0).path("retryAfterMS").asInt()).isEqualTo(20);
    assertThat(answers.get(2).path("verifiedAction").asBoolean()).isTrue();
  }

  @Test
  void aSessionStartedOnOnePathGoesOnOnTheOther() {
    Validation validation = Validation.acme("p1");

    assertThat(ValidateCalls.isProcessing(current.validate(validation))).isTrue();
    JsonNode decision = older.validate(validation);

    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
    assertThat(current.validate(validation)).isEqualTo(decision);
  }

  @Test
  void bothPathsCountUnderOneStatisticsName() {
    stub.admin().resetStats();

    current.validate(Validation.acme("p0"));
    older.validate(Validation.acme("p0"));

    assertThat(stub.admin().stats().at("/endpoints/ironvest.validate/requests").asLong()).isEqualTo(2);
  }

  @Test
  void theOlderPathRefusesAsTheCurrentOneDoes() {
    Exchange noKey = older.send(Validation.acme("p0").withApiKey(null));
    Exchange noCid = older.post("{\"csid\":\"c\",\"uid\":\"u\",\"additionalData\":{\"sessionData\":[]}}",
        "apikey", Validation.ACME_KEY);

    assertThat(noKey.status()).isEqualTo(403);
    assertThat(noCid.status()).isEqualTo(422);
    assertThat(noCid.responseBody()).contains("cid");
  }

  @Test
  void anotherMethodOnTheOlderPathIs405() {
    Exchange get = older.get(OLDER_PATH);

    assertThat(get.status()).isEqualTo(405);
    assertThat(get.responseHeader("Allow")).contains("POST");
  }
}
