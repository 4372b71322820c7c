package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.Reply;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CyberArk answer envelope: always HTTP 200, {@code success}, {@code Result} and the error fields. Never
 * {@code Result: null}: clients read {@code Result.Summary} on every answer (contract 1.4).
 */
public final class Envelope {

  static final String AUTH_FAILED =
      "Authentication (login or challenge) has failed. Please try again or contact your system administrator.";
  /** The Summary of a refused advance: the vendor's advance-failure fixtures and the jetstack mock show it. */
  static final String FAILURE = "Failure";

  private Envelope() {}

  static Reply success(JsonNode result) {
    ObjectNode body = Json.object();
    body.put("success", true);
    body.set("Result", result);
    body.putNull("Message");
    body.putNull("MessageID");
    body.putNull("Exception");
    body.putNull("ErrorID");
    body.putNull("ErrorCode");
    body.put("IsSoftError", false);
    body.putNull("InnerExceptions");
    return Reply.ok(body);
  }

  /** A failed answer with {@code Result: {Summary}}: wrong answers, a denial, LoginFailure. Not a client mistake. */
  static Reply failure(String summary, String message) {
    return Reply.ok(failureBody(Json.object().put("Summary", summary), message));
  }

  /**
   * A refused SendIdentityVerification or AdvanceAuthentication: {@code Result: {Summary: "Failure"}}, the Message, an
   * ErrorID; {@code reason} is what the client report counts it under.
   */
  public static Reply refusedAdvance(String reason, String message) {
    return Reply.refusal(200, failureBody(Json.object().put("Summary", FAILURE), message), reason);
  }

  /** A refused StartAuthentication: as the vendor's {@code start_auth_failure} fixture, no {@code Result} key. */
  public static Reply refusedStart(String reason, String message) {
    return Reply.refusal(200, failureBody(null, message), reason);
  }

  /** A StartAuthentication without a user: {@code Result: {Summary: "Undefined"}}, as the vendor's fixtures. */
  static Reply undefinedStart(String reason, String message) {
    return Reply.refusal(200, failureBody(Json.object().put("Summary", "Undefined"), message), reason);
  }

  private static ObjectNode failureBody(JsonNode result, String message) {
    ObjectNode body = Json.object();
    body.put("success", false);
    if (result != null) {
      body.set("Result", result);
    }
    body.put("Message", message);
    body.putNull("MessageID");
    body.putNull("Exception");
    body.put("ErrorID", errorId());
    body.putNull("ErrorCode");
    body.put("IsSoftError", false);
    body.putNull("InnerExceptions");
    return body;
  }

  /** Like the vendor's: {@code <guid>:<hex>}. */
  private static String errorId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()) + ":" + Long.toHexString(random.nextLong() | 1L << 60);
  }
}
