package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The profile sets the processing count, retryAfterMS and Retry-After of every csid; csid tokens override them. */
class IronVestGlobalSettingsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @BeforeAll
  static void profile() {
    stub.admin().putProfile(StubHttp.json(
        "{'ironvest': {'processingCalls': 3, 'retryAfterMs': 40}, 'faults': {'retryAfterSeconds': 3}}"));
  }

  @Test
  void aPlainCsidProcessesAsOftenAsTheProfileSays() {
    List<JsonNode> answers = ironVest.untilDecided(Validation.acme(""), 10);

    assertThat(answers).hasSize(4);
    assertThat(answers.subList(0, 3)).allSatisfy(
        answer -> assertThat(answer.path("retryAfterMS").intValue()).isEqualTo(40));
  }

  @Test
  void csidTokensOverrideTheProfile() {
    List<JsonNode> answers = ironVest.untilDecided(Validation.acme("p1-r7"), 10);

    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).path("retryAfterMS").intValue()).isEqualTo(7);
  }

  @Test
  void unavailableAnswersCarryTheProfilesRetryAfter() {
    assertThat(ironVest.send(Validation.acme("u1")).responseHeader("Retry-After")).hasValue("3");
  }
}
