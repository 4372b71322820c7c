package dev.idvharness.stub.profile;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long an endpoint waits before answering: {@code none}, {@code fixed(ms)}, {@code uniform(minMs, maxMs)} or
 * {@code lognormal(medianMs, sigma)}.
 */
public record DelaySpec(String type, Long ms, Long minMs, Long maxMs, Double medianMs, Double sigma) {

  public static final DelaySpec NONE = new DelaySpec("none", null, null, null, null, null);

  public DelaySpec {
    if (type == null) {
      throw new IllegalArgumentException("type is required: none, fixed, uniform or lognormal");
    }
    switch (type) {
      case "none" -> {}
      case "fixed" -> requireNonNegative("ms", ms);
      case "uniform" -> {
        requireNonNegative("minMs", minMs);
        requireNonNegative("maxMs", maxMs);
        if (maxMs < minMs) {
          throw new IllegalArgumentException("maxMs must be >= minMs");
        }
      }
      case "lognormal" -> {
        requireNonNegative("medianMs", medianMs);
        requireNonNegative("sigma", sigma);
      }
      default -> throw new IllegalArgumentException(
          "type must be none, fixed, uniform or lognormal, not '" + type + "'");
    }
  }

  public static DelaySpec fixed(long ms) {
    return new DelaySpec("fixed", ms, null, null, null, null);
  }

  /** One delay drawn from the distribution, in milliseconds; capped at one hour so a typo cannot park a request forever. */
  public long sampleMillis() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double value = switch (type) {
      case "fixed" -> ms;
      case "uniform" -> minMs + random.nextDouble() * (maxMs - minMs);
      case "lognormal" -> medianMs * Math.exp(sigma * random.nextGaussian());
      default -> 0;
    };
    return Math.min(Math.round(value), 3_600_000L);
  }

  private static void requireNonNegative(String field, Number value) {
    if (value == null || value.doubleValue() < 0 || Double.isNaN(value.doubleValue())) {
      throw new IllegalArgumentException(field + " is required and must be a number >= 0");
    }
  }
}
