package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.cyberark.CyberArkDriver.request;
import static dev.idvharness.stub.cyberark.CyberArkEnvelope.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.cyberark.CyberArkDriver.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stub users of contract 1.5, as stubs/data/cyberark.json defines them. */
class CyberArkConventionsTest {

  private static final String PENDING = "OobPending";

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @Test
  void thePasswordOnlyUserHasOneChallenge() {
    Session session = cyberArk.start("password.only@idv.test");

    assertThat(session.mechanismIds()).containsOnlyKeys("UP");
    succeeded(cyberArk.passPassword(session), "LoginSuccess");
  }

  /** Each row: a login, then the Summaries of its polls after StartOOB, the last one being the decision. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mfa.push@idv.test                | OobPending OobPending LoginSuccess",
      "mfa.deny@idv.test                | OobPending Failure",
      "load.u1@idv.test                 | OobPending OobPending LoginSuccess",
      "load.p0.u2@idv.test              | LoginSuccess",
      "load.p3.u3@idv.test              | OobPending OobPending OobPending LoginSuccess",
      "load.deny.u4@idv.test            | OobPending OobPending Failure",
      "load.p1.deny.u5@idv.test         | OobPending Failure",
      "LOAD.P1.some_user-6@idv.test     | OobPending LoginSuccess"})
  void anOobIsDecidedAfterTheUsersNumberOfPolls(String user, String expectedSummaries) {
    Session session = cyberArk.start(user);
    succeeded(cyberArk.passPassword(session), "StartNextChallenge");
    succeeded(cyberArk.startOob(session, "OTP"), PENDING);

    assertThat(pollUntilDecided(session, "OTP")).containsExactly(expectedSummaries.split(" "));
  }

  @Test
  void anEmailLinkClickedIsSeenByPollingLikeAPush() {
    Session session = cyberArk.start("mfa.push@idv.test");
    cyberArk.passPassword(session);
    succeeded(cyberArk.startOob(session, "EMAIL"), PENDING);

    assertThat(pollUntilDecided(session, "EMAIL")).containsExactly(PENDING, PENDING, "LoginSuccess");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mfa.timed@idv.test", "load.t300.timed@idv.test"})
  void anOobIsApprovedOnceTheUsersTimeHasPassed(String user) {
    Session session = cyberArk.start(user);
    cyberArk.passPassword(session);
    cyberArk.startOob(session, "OTP");
    succeeded(cyberArk.poll(session, "OTP"), PENDING);

    JsonNode decision = await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
        .until(() -> cyberArk.poll(session, "OTP"), answer -> !PENDING.equals(summary(answer)));
    succeeded(decision, "LoginSuccess");
  }

  @Test
  void loadUsersTakeTheSecretsAndMechanismsOfTheMfaUser() {
    Session session = cyberArk.start("load.p2.t100.deny.any-id_9@idv.test");

    assertThat(session.mechanismIds()).containsOnlyKeys("UP", "OTP", "EMAIL", "OATH");
    succeeded(cyberArk.passPassword(session), "StartNextChallenge");
    succeeded(cyberArk.answer(session, "OATH", cyberArk.user(session).oathCode()), "LoginSuccess");
  }

  @Test
  void theFlatShapeUserHasItsSessionDirectlyUnderResult() {
    JsonNode result = succeeded(
        cyberArk.startAuthentication(request().put("User", "flat.shape@idv.test")), "NewPackage");

    assertThat(result.has("ReturnData")).isFalse();
    assertThat(result.path("SessionId").asText()).isNotBlank();
    Session session = CyberArkDriver.sessionOf("flat.shape@idv.test", result);
    succeeded(cyberArk.passPassword(session), "LoginSuccess");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0d3c5c7e-0002-4c9a-9f00-000000000002", "0D3C5C7E-0002-4C9A-9F00-000000000002"})
  void aUserIsFoundByUuid(String uuid) {
    JsonNode result = succeeded(cyberArk.startAuthentication(request().put("UUID", uuid)), "NewPackage");
    Session session = CyberArkDriver.sessionOf("mfa.push@idv.test", result);

    assertThat(session.mechanismIds()).containsOnlyKeys("UP", "OTP", "EMAIL", "OATH");
    succeeded(cyberArk.passPassword(session), "StartNextChallenge");
  }

  @Test
  void aLoginIsMatchedWithoutCase() {
    Session session = cyberArk.start("Password.Only@IDV.test");

    succeeded(cyberArk.passPassword(session), "LoginSuccess");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"nobody@idv.test", "load.p1@elsewhere.test", "load..p1.x@idv.test"})
  void anUnknownUserGetsANormalPackageThenFails(String user) {
    JsonNode known = succeeded(cyberArk.startAuthentication(request().put("User", "password.only@idv.test")), "NewPackage");
    JsonNode unknown = succeeded(cyberArk.startAuthentication(request().put("User", user)), "NewPackage");

    // nothing tells an unknown user from a known one but the ids
    assertThat(withoutIds(unknown)).isEqualTo(withoutIds(known));
    Session session = CyberArkDriver.sessionOf(user, unknown);
    CyberArkEnvelope.authenticationFailed(cyberArk.answer(session, "UP", aStubUsersPassword()), "Failure");
  }

  @Test
  void anUnknownUuidGetsANormalPackageThenFails() {
    JsonNode result = succeeded(
        cyberArk.startAuthentication(request().put("UUID", "0d3c5c7e-0999-4c9a-9f00-000000000999")), "NewPackage");

    Session session = CyberArkDriver.sessionOf("an unknown uuid", result);
    CyberArkEnvelope.authenticationFailed(cyberArk.answer(session, "UP", aStubUsersPassword()), "Failure");
  }

  /** The password of a user the data knows: it logs in no other user. */
  private static String aStubUsersPassword() {
    return cyberArk.passwordOf("password.only@idv.test");
  }

  /** The Summaries of the polls of a started mechanism, up to the first that is not pending (at most 10). */
  private static List<String> pollUntilDecided(Session session, String mechanism) {
    List<String> summaries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String summary = summary(cyberArk.poll(session, mechanism));
      summaries.add(summary);
      if (!PENDING.equals(summary)) {
        break;
      }
    }
    return summaries;
  }

  private static String summary(JsonNode answer) {
    return answer.path("Result").path("Summary").asText();
  }

  /** A NewPackage Result without its SessionId and MechanismIds, which differ for every session. */
  private static JsonNode withoutIds(JsonNode result) {
    ObjectNode copy = result.deepCopy();
    ObjectNode session = (ObjectNode) copy.get("ReturnData");
    session.remove("SessionId");
    session.findParents("MechanismId").forEach(mechanism -> ((ObjectNode) mechanism).remove("MechanismId"));
    return copy;
  }
}
