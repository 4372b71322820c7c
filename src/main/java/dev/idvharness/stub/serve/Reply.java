package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.json.Json;
import java.util.Map;

/**
 * A vendor answer before latency is applied: status, JSON body, an optional Retry-After (seconds), headers of its own
 * (a cookie), and when the answer refuses the request, the reason the client report counts it under. The body's
 * bytes are rendered once per Reply, so the constant answers of the hot loops (OobPending, processing) that are kept
 * as constants are never serialised again.
 */
public record Reply(int status, JsonNode body, Integer retryAfterSeconds, Map<String, String> headers, String refusal,
    byte[] bytes) {

  public Reply(int status, JsonNode body, Integer retryAfterSeconds) {
    this(status, body, retryAfterSeconds, Map.of(), null, Json.bytes(body));
  }

  public static Reply ok(JsonNode body) {
    return new Reply(200, body, null);
  }

  public static Reply status(int status, JsonNode body) {
    return new Reply(status, body, null);
  }

  /**
   * A refusal of the client's request (a 4xx, or a CyberArk error object): {@code reason} is a short, fixed text that
   * names the field or rule (never an echo of the request), counted per client.
   */
  public static Reply refusal(int status, JsonNode body, String reason) {
    return new Reply(status, body, null, Map.of(), reason, Json.bytes(body));
  }

  /** The same answer with one more header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, retryAfterSeconds, Map.copyOf(more), refusal, bytes);
  }

  public boolean refused() {
    return refusal != null;
  }
}
