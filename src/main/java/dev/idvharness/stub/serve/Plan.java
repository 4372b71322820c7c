package dev.idvharness.stub.serve;

import dev.idvharness.stub.profile.FaultSpec;

/**
 * What the profile decided for one request before the vendor logic runs: a fault (the vendor never saw the
 * request, so no session state changes) or the delay its answer will carry.
 */
public record Plan(String endpoint, FaultSpec.Kind fault, long delayMs, long arrivedAt) {

  /** When the answer leaves the stub: the reference point for the client's next poll. */
  public long answeredAt() {
    return arrivedAt + delayMs;
  }
}
