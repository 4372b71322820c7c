package dev.idvharness.stub.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-side CyberArk client: starts a session, then sends SendIdentityVerification by mechanism Name. The passwords
 * and codes it answers with are the stub data's (stubs/data/cyberark.json).
 */
final class CyberArkDriver {

  static final String TENANT = "ABC1234";

  /** A started session: the login it was started for, its id and the MechanismId of every mechanism Name. */
  record Session(String login, String id, Map<String, String> mechanismIds) {
    String mechanismId(String name) {
      assertThat(mechanismIds).as("mechanisms of the session").containsKey(name);
      return mechanismIds.get(name);
    }
  }

  private final IdvStubExtension stub;
  private final StubHttp http;

  CyberArkDriver(IdvStubExtension stub) {
    this.stub = stub;
    this.http = new StubHttp(stub);
  }

  /** Starts a session for a login; accepts both the ReturnData and the flat Result shape. */
  Session start(String login) {
    JsonNode result = CyberArkEnvelope.succeeded(startAuthentication(request().put("User", login)), "NewPackage");
    return sessionOf(login, result);
  }

  /** The session of a NewPackage Result, started for {@code login}. */
  static Session sessionOf(String login, JsonNode result) {
    JsonNode holder = result.has("ReturnData") ? result.get("ReturnData") : result;
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode challenge : holder.path("Challenges")) {
      for (JsonNode mechanism : challenge.path("Mechanisms")) {
        ids.put(mechanism.path("Name").asText(), mechanism.path("MechanismId").asText());
      }
    }
    return new Session(login, holder.path("SessionId").asText(), ids);
  }

  /** The stub user a session was started for, with the password and codes the data gives it. */
  CyberArkUser user(Session session) {
    return stub.data().user(session.login()).orElseThrow(() ->
        new AssertionError("no stub user " + session.login() + " in stubs/data/cyberark.json"));
  }

  /** The password the data gives a stub user. */
  String passwordOf(String login) {
    return stub.data().passwordOf(login);
  }

  JsonNode answer(Session session, String mechanism, String answer) {
    return send(session, "Answer", mechanism, answer);
  }

  JsonNode startOob(Session session, String mechanism) {
    return send(session, "StartOOB", mechanism, null);
  }

  JsonNode poll(Session session, String mechanism) {
    return send(session, "Poll", mechanism, null);
  }

  /** Passes the password challenge that every stub user starts with. */
  JsonNode passPassword(Session session) {
    return answer(session, "UP", user(session).password());
  }

  JsonNode send(Session session, String action, String mechanism, String answer) {
    ObjectNode body = request()
        .put("Action", action)
        .put("MechanismId", session.mechanismId(mechanism))
        .put("SessionId", session.id());
    if (answer != null) {
      body.put("Answer", answer);
    }
    return sendIdentityVerification(body);
  }

  JsonNode startAuthentication(ObjectNode body) {
    return post(StubHttp.CYBERARK_START, body.toString());
  }

  JsonNode sendIdentityVerification(ObjectNode body) {
    return post(StubHttp.CYBERARK_SEND, body.toString());
  }

  /** Every CyberArk answer is HTTP 200, whatever went wrong. */
  JsonNode post(String path, String body, String... headers) {
    Exchange response = http.post(path, body, headers);
    assertThat(response.status()).as("HTTP status of %s", path).isEqualTo(200);
    return StubHttp.parse(response.responseBody());
  }

  Exchange get(String path) {
    return http.get(path);
  }

  static ObjectNode request() {
    return StubHttp.JSON.createObjectNode().put("TenantId", TENANT);
  }
}
