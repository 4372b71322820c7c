package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions are per (cid, csid) and run-time enrolments per (cid, uid): one organisation's session or enrolment never
 * answers for another's (contract 2.2), over HTTP.
 */
class IronVestIsolationTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @Test
  void theSameCsidUnderTwoCidsIsTwoIndependentSessions() {
    String csid = Validation.csid("p1");
    Validation acme = Validation.acme("p1").withCsid(csid);
    Validation strict = Validation.strict("p1", "user-" + UUID.randomUUID()).withCsid(csid);

    JsonNode acmeDecision = ironVest.decide(acme);
    JsonNode strictFirst = ironVest.validate(strict);

    assertThat(acmeDecision.has("verifiedAction")).isTrue();
    assertThat(ValidateCalls.isProcessing(strictFirst)).as("strict-bank's session starts afresh").isTrue();
    JsonNode strictDecision = ironVest.decide(strict);
    assertThat(strictDecision.path("indicators").path("iv_is_biometrics_match").asBoolean())
        .as("strict-bank judges its own (not enrolled) user, not acme-bank's decision").isFalse();
    assertThat(acmeDecision.path("indicators").path("iv_is_biometrics_match").asBoolean()).isTrue();
  }

  @Test
  void anEnrolmentAtOneOrganisationDoesNotEnrolTheUserAtAnother() {
    String uid = "user-" + UUID.randomUUID();
    JsonNode acmeEnrolment = ironVest.decide(Validation.acme("p0").withUid(uid).withEnrollment(true));

    JsonNode strictLater = ironVest.decide(Validation.strict("p0", uid));

    assertThat(acmeEnrolment.path("indicators").path("iv_user_enrolled").asBoolean()).isTrue();
    assertThat(strictLater.path("indicators").path("iv_user_enrolled").asBoolean()).isFalse();
    assertThat(strictLater.path("verifiedAction").asBoolean()).isFalse();
  }

  @Test
  void theAdminApiFindsASessionByCsidAndByCid() {
    String csid = Validation.csid("p1");
    ironVest.decide(Validation.acme("p1").withCsid(csid));
    ironVest.validate(Validation.strict("p1", "user-" + UUID.randomUUID()).withCsid(csid));

    assertThat(stub.admin().send("GET", "/sessions/ironvest/" + csid + "?cid=acme-bank", null).responseBody())
        .contains("\"polls\":1");
    assertThat(stub.admin().send("GET", "/sessions/ironvest/" + csid + "?cid=strict-bank", null).responseBody())
        .contains("\"polls\":0");
  }
}
