package dev.idvharness.stub.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.StubHttp;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-side CyberArk client: starts a session, then sends SendIdentityVerification by mechanism Name. */
final class CyberArkDriver {

  static final String TENANT = "ABC1234";
  static final String PASSWORD = "Stub-Passw0rd!";
  static final String OATH_CODE = "123456";
  static final String OOB_CODE = "654321";

  /** A started session: its id and the MechanismId of every mechanism Name, over all challenges. */
  record Session(String id, Map<String, String> mechanismIds) {
    String mechanismId(String name) {
      assertThat(mechanismIds).as("mechanisms of the session").containsKey(name);
      return mechanismIds.get(name);
    }
  }

  private final StubHttp http;

  CyberArkDriver(StubHttp http) {
    this.http = http;
  }

  /** Starts a session for a login; accepts both the ReturnData and the flat Result shape. */
  Session start(String user) {
    JsonNode result = CyberArkEnvelope.succeeded(startAuthentication(request().put("User", user)), "NewPackage");
    return sessionOf(result);
  }

  static Session sessionOf(JsonNode result) {
    JsonNode holder = result.has("ReturnData") ? result.get("ReturnData") : result;
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode challenge : holder.path("Challenges")) {
      for (JsonNode mechanism : challenge.path("Mechanisms")) {
        ids.put(mechanism.path("Name").asText(), mechanism.path("MechanismId").asText());
      }
    }
    return new Session(holder.path("SessionId").asText(), ids);
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
    return answer(session, "UP", PASSWORD);
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
    HttpResponse<String> response = http.post(path, body, headers);
    assertThat(response.statusCode()).as("HTTP status of %s", path).isEqualTo(200);
    return StubHttp.parse(response.body());
  }

  static ObjectNode request() {
    return StubHttp.JSON.createObjectNode().put("TenantId", TENANT);
  }
}
