package dev.idvharness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CyberArk answer, read leniently: the envelope fields when present, and the session wherever the vendor put it
 * (contract 1.2: under {@code Result.ReturnData} or directly under {@code Result}).
 */
public record CyberArkAnswer(Exchange exchange, ObjectNode body) {

  public static CyberArkAnswer of(Exchange exchange) {
    return new CyberArkAnswer(exchange, AnswerJson.parseObject(exchange.responseBody()).orElse(null));
  }

  public boolean isJsonObject() {
    return body != null;
  }

  /** {@code success} when it is a JSON boolean, else empty. */
  public Optional<Boolean> success() {
    JsonNode node = body == null ? null : body.get("success");
    return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
  }

  public boolean succeeded() {
    return success().orElse(false);
  }

  /** {@code Result}, or a missing node when absent (never null). */
  public JsonNode result() {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : body.path("Result");
  }

  public String summary() {
    return AnswerJson.text(result(), "Summary");
  }

  public String message() {
    return AnswerJson.text(body, "Message");
  }

  public String errorId() {
    return AnswerJson.text(body, "ErrorID");
  }

  /** The session holder: {@code Result.ReturnData} when it carries the session, else {@code Result}. */
  private JsonNode session() {
    JsonNode returnData = result().path("ReturnData");
    return returnData.has("SessionId") ? returnData : result();
  }

  public String sessionId() {
    return AnswerJson.text(session(), "SessionId");
  }

  /** Where the session was found: "Result.ReturnData", "Result", or null. */
  public String sessionShape() {
    if (result().path("ReturnData").has("SessionId")) {
      return "Result.ReturnData";
    }
    return result().has("SessionId") ? "Result" : null;
  }

  /**
   * The pod to repeat StartAuthentication on: {@code Result.PodFqdn} of a successful answer that opens no session
   * (a LoginSuccess names its pod too, and means nothing of the kind).
   */
  public Optional<String> podFqdn() {
    String pod = AnswerJson.text(result(), "PodFqdn");
    return succeeded() && sessionId() == null && pod != null && !pod.isBlank() ? Optional.of(pod) : Optional.empty();
  }

  /** The base URL on a pod: the scheme of {@code baseUrl} (https against the vendor), the pod's host. */
  public static String podBaseUrl(String baseUrl, String podFqdn) {
    return java.net.URI.create(baseUrl).getScheme() + "://" + podFqdn;
  }

  /** {@code Challenges} as sent, wherever the session is (for checks of fields the records leave out). */
  public JsonNode challengesJson() {
    return session().path("Challenges");
  }

  /** The mechanisms of each challenge, in order. */
  public List<List<Mechanism>> challenges() {
    List<List<Mechanism>> challenges = new ArrayList<>();
    for (JsonNode challenge : challengesJson()) {
      List<Mechanism> mechanisms = new ArrayList<>();
      for (JsonNode mechanism : challenge.path("Mechanisms")) {
        mechanisms.add(new Mechanism(AnswerJson.text(mechanism, "MechanismId"), AnswerJson.text(mechanism, "Name"),
            AnswerJson.text(mechanism, "AnswerType")));
      }
      challenges.add(mechanisms);
    }
    return challenges;
  }

  /** The mechanism called {@code name} in challenge {@code index} (0-based), if offered. */
  public Optional<Mechanism> mechanism(int index, String name) {
    List<List<Mechanism>> challenges = challenges();
    if (index >= challenges.size()) {
      return Optional.empty();
    }
    return challenges.get(index).stream().filter(mechanism -> name.equals(mechanism.name())).findFirst();
  }

  /** One mechanism offered in a challenge. */
  public record Mechanism(String id, String name, String answerType) {}
}
