package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.JsonNode;

/** A vendor answer before latency is applied: status, JSON body and an optional Retry-After (seconds). */
public record Reply(int status, JsonNode body, Integer retryAfterSeconds) {

  public static Reply ok(JsonNode body) {
    return new Reply(200, body, null);
  }

  public static Reply status(int status, JsonNode body) {
    return new Reply(status, body, null);
  }
}
