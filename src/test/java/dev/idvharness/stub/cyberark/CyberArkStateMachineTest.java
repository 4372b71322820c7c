package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.cyberark.CyberArkEnvelope.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.cyberark.CyberArkDriver.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SendIdentityVerification: the session state machine of contract 1.3, row by row. */
class CyberArkStateMachineTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @Test
  void correctTextAnswerWithAChallengeToFollowStartsTheNextChallenge() {
    Session session = cyberArk.start("mfa.push@idv.test");

    succeeded(cyberArk.passPassword(session), "StartNextChallenge");
  }

  @Test
  void correctTextAnswerToTheLastChallengeLogsIn() {
    Session session = cyberArk.start("password.only@idv.test");

    JsonNode result = succeeded(cyberArk.passPassword(session), "LoginSuccess");
    assertThat(result.path("User").asText()).isEqualTo("password.only@idv.test");
    assertThat(result.path("CustomerID").asText()).isEqualTo(CyberArkDriver.TENANT);
    assertThat(result.path("Token").asText()).isNotBlank();
  }

  @Test
  void correctCodeOfASecondTextMechanismLogsIn() {
    Session session = atSecondChallenge("mfa.push@idv.test");

    succeeded(cyberArk.answer(session, "OATH", cyberArk.user(session).oathCode()), "LoginSuccess");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"OTP", "EMAIL"})
  void startOobOnAnOutOfBandMechanismIsPending(String mechanism) {
    Session session = atSecondChallenge("mfa.push@idv.test");

    succeeded(cyberArk.startOob(session, mechanism), "OobPending");
  }

  @Test
  void pollBeforeTheUserActsIsPending() {
    Session session = atSecondChallenge("mfa.push@idv.test");
    cyberArk.startOob(session, "OTP");

    succeeded(cyberArk.poll(session, "OTP"), "OobPending");
  }

  @Test
  void pollAfterTheUserApprovedLogsIn() {
    Session session = atSecondChallenge("load.p0.approves@idv.test");
    cyberArk.startOob(session, "OTP");

    succeeded(cyberArk.poll(session, "OTP"), "LoginSuccess");
  }

  @Test
  void pollAfterTheUserDeniedFails() {
    Session session = atSecondChallenge("load.p0.deny.denies@idv.test");
    cyberArk.startOob(session, "OTP");

    CyberArkEnvelope.authenticationFailed(cyberArk.poll(session, "OTP"), "Failure");
  }

  @Test
  void pollAfterTheUserApprovedAnEarlierChallengeStartsTheNextChallenge() {
    Session session = cyberArk.start("push.first@idv.test");
    cyberArk.startOob(session, "OTP");

    succeeded(cyberArk.poll(session, "OTP"), "StartNextChallenge");
  }

  @Test
  void correctCodeOfAStartedTextOobMechanismOnAnEarlierChallengeStartsTheNextChallenge() {
    Session session = cyberArk.start("push.first@idv.test");
    cyberArk.startOob(session, "EMAIL");

    succeeded(cyberArk.answer(session, "EMAIL", cyberArk.user(session).oobCode()), "StartNextChallenge");
  }

  @Test
  void correctCodeOfAStartedTextOobMechanismLogsIn() {
    Session session = atSecondChallenge("mfa.push@idv.test");
    cyberArk.startOob(session, "EMAIL");

    succeeded(cyberArk.answer(session, "EMAIL", cyberArk.user(session).oobCode()), "LoginSuccess");
  }

  @ParameterizedTest(name = "{0} after LoginSuccess")
  @ValueSource(strings = {"Answer", "StartOOB", "Poll"})
  void aFinishedSessionAcceptsNothing(String action) {
    Session session = cyberArk.start("password.only@idv.test");
    succeeded(cyberArk.passPassword(session), "LoginSuccess");

    String message = CyberArkEnvelope.rejected(cyberArk.send(session, action, "UP", cyberArk.user(session).password()));
    assertThat(message).containsIgnoringCase("no longer active");
  }

  @Test
  void aWrongAnswerLeavesTheSessionOpenForAnotherTry() {
    Session session = cyberArk.start("password.only@idv.test");
    CyberArkEnvelope.authenticationFailed(cyberArk.answer(session, "UP", "wrong"), "Failure");

    succeeded(cyberArk.passPassword(session), "LoginSuccess");
  }

  @ParameterizedTest(name = "Action {0}")
  @ValueSource(strings = {"answer", "ANSWER", "aNsWeR"})
  void answerActionIsMatchedWithoutCase(String action) {
    Session session = cyberArk.start("password.only@idv.test");

    succeeded(cyberArk.send(session, action, "UP", cyberArk.user(session).password()), "LoginSuccess");
  }

  @ParameterizedTest(name = "Actions {0} and {1}")
  @CsvSource({"startoob, poll", "STARTOOB, POLL", "startOob, Poll"})
  void oobActionsAreMatchedWithoutCase(String startOob, String poll) {
    Session session = atSecondChallenge("load.p0.anycase@idv.test");

    succeeded(cyberArk.send(session, startOob, "OTP", null), "OobPending");
    succeeded(cyberArk.send(session, poll, "OTP", null), "LoginSuccess");
  }

  private static Session atSecondChallenge(String user) {
    Session session = cyberArk.start(user);
    succeeded(cyberArk.passPassword(session), "StartNextChallenge");
    return session;
  }
}
