package dev.idvharness.stub.profile;

import java.util.concurrent.ThreadLocalRandom;

/** Share of requests (0..1 each) answered with a 503, a connection reset, or no answer until the client gives up. */
public record FaultSpec(Double unavailableRate, Double resetRate, Double stallRate) {

  public static final FaultSpec NONE = new FaultSpec(0.0, 0.0, 0.0);

  public enum Kind { UNAVAILABLE, RESET, STALL }

  public FaultSpec {
    unavailableRate = rate("unavailableRate", unavailableRate);
    resetRate = rate("resetRate", resetRate);
    stallRate = rate("stallRate", stallRate);
    if (unavailableRate + resetRate + stallRate > 1.0 + 1e-9) {
      throw new IllegalArgumentException("unavailableRate + resetRate + stallRate must not exceed 1");
    }
  }

  /** The fault for this request, or null to answer normally. */
  public Kind draw() {
    if (unavailableRate == 0 && resetRate == 0 && stallRate == 0) {
      return null;
    }
    double roll = ThreadLocalRandom.current().nextDouble();
    if (roll < unavailableRate) {
      return Kind.UNAVAILABLE;
    }
    if (roll < unavailableRate + resetRate) {
      return Kind.RESET;
    }
    return roll < unavailableRate + resetRate + stallRate ? Kind.STALL : null;
  }

  private static double rate(String field, Double value) {
    if (value == null) {
      return 0.0;
    }
    if (value < 0 || value > 1 || value.isNaN()) {
      throw new IllegalArgumentException(field + " must be between 0 and 1");
    }
    return value;
  }
}
