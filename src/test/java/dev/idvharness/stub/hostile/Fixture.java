package dev.idvharness.stub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.StubHttp;
import java.util.Map;
import java.util.UUID;

/** Prepares the sessions a hostile request refers to, and checks that the server still serves valid requests. */
final class Fixture {

  private final RawHttp http;

  Fixture(RawHttp http) {
    this.http = http;
  }

  /** The placeholder values of a setup, after doing whatever it needs on the server. */
  Map<String, String> prepare(Setup setup) {
    return switch (setup) {
      case NONE -> Map.of();
      case LIVE_SESSION -> startSession();
      case AFTER_LOGIN_SUCCESS -> endSession(Bodies.PASSWORD, 1, "LoginSuccess");
      case AFTER_LOGIN_FAILURE -> endSession("wrong-password", 3, "LoginFailure");
      case FRESH_CSID -> Map.of("$CSID", "p0-" + UUID.randomUUID());
      case DECIDED_CSID -> decidedCsid();
    };
  }

  void assertCyberArkServes(String context) {
    HttpAnswer answer = http.send(RawRequest.postJson(StubHttp.CYBERARK_START, Bodies.bytes(Bodies.startBody())));
    assertThat(answer.status()).as("after %s, a valid StartAuthentication: %s", context, answer).isEqualTo(200);
    assertThat(answer.json().at("/Result/Summary").asText())
        .as("after %s, a valid StartAuthentication: %s", context, answer).isEqualTo("NewPackage");
  }

  void assertIronVestServes(String context) {
    // a uuid csid carries no convention token: its first call is "processing"
    Map<String, String> csid = Map.of("$CSID", UUID.randomUUID().toString());
    HttpAnswer answer = http.send(validateRequest(Bodies.bytes(Bodies.validateBody())).resolve(csid));
    assertThat(answer.status()).as("after %s, a valid validate: %s", context, answer).isEqualTo(200);
    assertThat(answer.json().path("errorMessage").asText())
        .as("after %s, a valid validate on a fresh csid: %s", context, answer).isEqualTo("processing");
  }

  static RawRequest validateRequest(byte[] body) {
    return RawRequest.postJson(StubHttp.IRONVEST_VALIDATE, body).withHeader("apikey", Bodies.ACME_KEY);
  }

  private Map<String, String> startSession() {
    HttpAnswer answer = http.send(RawRequest.postJson(StubHttp.CYBERARK_START, Bodies.bytes(Bodies.startBody())));
    Expect.NEW_PACKAGE.check(answer, "starting a session");
    JsonNode session = answer.json().path("Result").path("ReturnData");
    return Map.of(
        "$SID", session.path("SessionId").asText(),
        "$MECH", session.path("Challenges").path(0).path("Mechanisms").path(0).path("MechanismId").asText());
  }

  /** A live session answered {@code times} times, the last answer ending it with {@code summary}. */
  private Map<String, String> endSession(String answer, int times, String summary) {
    Map<String, String> session = startSession();
    byte[] body = Bodies.with(Bodies.answerBody(), "/Answer", answer);
    HttpAnswer last = null;
    for (int i = 0; i < times; i++) {
      last = http.send(RawRequest.postJson(StubHttp.CYBERARK_SEND, body).resolve(session));
    }
    assertThat(last.json().at("/Result/Summary").asText()).as("ending a session: %s", last).isEqualTo(summary);
    return session;
  }

  private Map<String, String> decidedCsid() {
    Map<String, String> csid = prepare(Setup.FRESH_CSID);
    HttpAnswer decision = http.send(validateRequest(Bodies.bytes(Bodies.validateBody())).resolve(csid));
    Expect.DECISION.check(decision, "deciding a csid");
    return csid;
  }
}
