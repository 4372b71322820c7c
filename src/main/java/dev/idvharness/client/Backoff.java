package dev.idvharness.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The waits of contract section 3, as pure functions so that the Gatling simulations can reuse them: exponential
 * backoff with full jitter (sleep = random(0, min(cap, base * 2^attempt))), the clamp of a vendor's retryAfterMS,
 * and the reading of a Retry-After header.
 */
public final class Backoff {

  private Backoff() {}

  /** The upper bound of the full-jitter wait after {@code attempt} (0-based) retries: min(cap, base * 2^attempt). */
  public static long ceilingMs(int attempt, long baseMs, long capMs) {
    if (attempt >= 62 || baseMs > (capMs >> Math.min(attempt, 62))) {
      return capMs;
    }
    return Math.min(capMs, baseMs << attempt);
  }

  /** A full-jitter wait: uniformly random in [0, ceilingMs(attempt, base, cap)]. */
  public static long fullJitterMs(int attempt, long baseMs, long capMs, RandomGenerator random) {
    long ceiling = ceilingMs(attempt, baseMs, capMs);
    return ceiling == 0 ? 0 : random.nextLong(ceiling + 1);
  }

  /** The vendor's retryAfterMS, kept within [min, max] so that neither a 0 nor an hour reaches the loop. */
  public static long clampMs(long retryAfterMs, long minMs, long maxMs) {
    return Math.max(minMs, Math.min(maxMs, retryAfterMs));
  }

  /**
   * A Retry-After header in milliseconds: delay-seconds or an HTTP-date (RFC 9110 10.2.3), relative to {@code now}.
   * Empty when absent or unreadable.
   */
  public static OptionalLong retryAfterMs(String header, ZonedDateTime now) {
    if (header == null || header.isBlank()) {
      return OptionalLong.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? OptionalLong.empty() : OptionalLong.of(seconds * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return OptionalLong.of(Math.max(0, Duration.between(now, at).toMillis()));
      } catch (DateTimeParseException notADate) {
        return OptionalLong.empty();
      }
    }
  }
}
