package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.Reply;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The CyberArk answer envelope: always HTTP 200, {@code success}, {@code Result} and the error fields. */
public final class Envelope {

  static final String AUTH_FAILED =
      "Authentication (login or challenge) has failed. Please try again or contact your system administrator.";

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

  /** A failure with {@code Result: {Summary}} (wrong answers, denial, LoginFailure, Undefined). */
  static Reply failure(String summary, String message) {
    return failure(Json.object().put("Summary", summary), message);
  }

  /** A failure with {@code Result: null} (bad requests, unknown sessions and mechanisms). */
  public static Reply error(String message) {
    return failure(NullNode.getInstance(), message);
  }

  private static Reply failure(JsonNode result, String message) {
    ObjectNode body = Json.object();
    body.put("success", false);
    body.set("Result", result);
    body.put("Message", message);
    body.putNull("MessageID");
    body.putNull("Exception");
    body.put("ErrorID", errorId());
    body.putNull("ErrorCode");
    body.put("IsSoftError", false);
    body.putNull("InnerExceptions");
    return Reply.ok(body);
  }

  /** Like the vendor's: {@code <guid>:<hex>}. */
  private static String errorId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()) + ":" + Long.toHexString(random.nextLong() | 1L << 60);
  }
}
