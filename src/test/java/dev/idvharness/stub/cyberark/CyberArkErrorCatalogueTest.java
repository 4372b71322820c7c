package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.cyberark.CyberArkDriver.request;
import static dev.idvharness.stub.cyberark.CyberArkEnvelope.authenticationFailed;
import static dev.idvharness.stub.cyberark.CyberArkEnvelope.rejected;
import static dev.idvharness.stub.cyberark.CyberArkEnvelope.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.cyberark.CyberArkDriver.Session;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The failures of contract 1.4 that come from the session: wrong answers, denial, lockout, ids that do not fit. */
class CyberArkErrorCatalogueTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @ParameterizedTest(name = "wrong {0}")
  @CsvSource({"password, UP", "OTP code, OATH", "emailed code, EMAIL"})
  void aWrongAnswerFails(String what, String mechanism) {
    Session session = atChallengeOf(mechanism);
    if (mechanism.equals("EMAIL")) {
      succeeded(cyberArk.startOob(session, mechanism), "OobPending");
    }

    authenticationFailed(cyberArk.answer(session, mechanism, "000000"), "Failure");
  }

  @Test
  void anOobDeniedByTheUserFails() {
    Session session = cyberArk.start("mfa.deny@idv.test");
    cyberArk.passPassword(session);
    cyberArk.startOob(session, "OTP");
    succeeded(cyberArk.poll(session, "OTP"), "OobPending");

    authenticationFailed(cyberArk.poll(session, "OTP"), "Failure");
  }

  @Test
  void theThirdWrongAnswerEndsTheSession() {
    Session session = cyberArk.start("password.only@idv.test");
    authenticationFailed(cyberArk.answer(session, "UP", "wrong-1"), "Failure");
    authenticationFailed(cyberArk.answer(session, "UP", "wrong-2"), "Failure");

    authenticationFailed(cyberArk.answer(session, "UP", "wrong-3"), "LoginFailure");
    assertThat(rejected(cyberArk.passPassword(session))).containsIgnoringCase("no longer active");
  }

  @ParameterizedTest(name = "SessionId {0}")
  @CsvSource({"never issued, 7c1f0a4e-2b7d-4f0e-9d55-0c8a2b1e6f3a", "not a uuid, not-a-session", "empty, ''"})
  void anUnknownSessionIsInvalidOrExpired(String what, String sessionId) {
    Session known = cyberArk.start("password.only@idv.test");
    Session unknown = new Session(known.login(), sessionId, known.mechanismIds());

    assertThat(rejected(cyberArk.passPassword(unknown))).containsIgnoringCase("invalid or has expired");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mechanismsOutsideTheCurrentChallenge")
  void aMechanismOutsideTheCurrentChallengeIsInvalid(String what, String mechanismId) {
    Session session = cyberArk.start("mfa.push@idv.test");
    ObjectNode body = request().put("Action", "Answer").put("Answer", cyberArk.user(session).password())
        .put("SessionId", session.id()).put("MechanismId", mechanismId);

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).containsIgnoringCase("MechanismId is invalid");
  }

  static Stream<Arguments> mechanismsOutsideTheCurrentChallenge() {
    Session other = cyberArk.start("mfa.push@idv.test");
    return Stream.of(
        Arguments.of("a mechanism of another session", other.mechanismId("UP")),
        Arguments.of("a random uuid", UUID.randomUUID().toString()),
        Arguments.of("not a uuid", "UP"));
  }

  @Test
  void aMechanismOfTheNextChallengeIsInvalid() {
    Session session = cyberArk.start("mfa.push@idv.test");

    assertThat(rejected(cyberArk.answer(session, "OATH", cyberArk.user(session).oathCode())))
        .containsIgnoringCase("MechanismId is invalid");
  }

  @Test
  void aMechanismOfAPassedChallengeIsInvalid() {
    Session session = cyberArk.start("mfa.push@idv.test");
    succeeded(cyberArk.passPassword(session), "StartNextChallenge");

    assertThat(rejected(cyberArk.passPassword(session))).containsIgnoringCase("MechanismId is invalid");
  }

  @Test
  void anotherTenantDoesNotMatch() {
    Session session = cyberArk.start("password.only@idv.test");
    ObjectNode body = request().put("TenantId", "OTHER99").put("Action", "Answer")
        .put("Answer", cyberArk.user(session).password())
        .put("SessionId", session.id()).put("MechanismId", session.mechanismId("UP"));

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).containsIgnoringCase("tenant")
        .containsIgnoringCase("does not match");
  }

  @ParameterizedTest(name = "Poll on {0}")
  @CsvSource({"OTP", "EMAIL", "OATH"})
  void pollOnAMechanismNotStartedDoesNotFit(String mechanism) {
    Session session = atChallengeOf(mechanism);

    assertThat(rejected(cyberArk.poll(session, mechanism))).contains("does not fit");
  }

  @Test
  void pollOnAnotherMechanismThanTheStartedOneDoesNotFit() {
    Session session = atChallengeOf("OTP");
    cyberArk.startOob(session, "OTP");

    assertThat(rejected(cyberArk.poll(session, "EMAIL"))).contains("does not fit");
  }

  @ParameterizedTest(name = "StartOOB on {0}")
  @CsvSource({"UP", "OATH"})
  void startOobOnATextMechanismDoesNotFit(String mechanism) {
    Session session = atChallengeOf(mechanism);

    assertThat(rejected(cyberArk.startOob(session, mechanism))).contains("does not fit");
  }

  @ParameterizedTest(name = "Answer on {0} before StartOOB")
  @CsvSource({"OTP", "EMAIL"})
  void answerOnAnOutOfBandMechanismNotStartedDoesNotFit(String mechanism) {
    Session session = atChallengeOf(mechanism);

    assertThat(rejected(cyberArk.answer(session, mechanism, cyberArk.user(session).oobCode()))).contains("does not fit");
  }

  /** A session of the MFA user, at the challenge that offers {@code mechanism}. */
  private static Session atChallengeOf(String mechanism) {
    Session session = cyberArk.start("mfa.push@idv.test");
    if (!mechanism.equals("UP")) {
      succeeded(cyberArk.passPassword(session), "StartNextChallenge");
    }
    return session;
  }
}
