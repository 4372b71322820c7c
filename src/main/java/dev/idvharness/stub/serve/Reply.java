package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.json.Json;

/**
 * A vendor answer before latency is applied: status, JSON body and an optional Retry-After (seconds). The body's
 * bytes are rendered once per Reply, so the constant answers of the hot loops (OobPending, processing) that are
 * kept as constants are never serialised again.
 */
public record Reply(int status, JsonNode body, Integer retryAfterSeconds, byte[] bytes) {

  public Reply(int status, JsonNode body, Integer retryAfterSeconds) {
    this(status, body, retryAfterSeconds, Json.bytes(body));
  }

  public static Reply ok(JsonNode body) {
    return new Reply(200, body, null);
  }

  public static Reply status(int status, JsonNode body) {
    return new Reply(status, body, null);
  }
}
