package dev.idvharness.load;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import java.util.function.LongUnaryOperator;

/**
 * The IronVest validate loop's rule (contract section 3): after each answer, decided, wait (retryAfterMS clamped,
 * else exponential backoff with full jitter; 503 honouring Retry-After, at most {@code unavailableRetries} times),
 * or give up with a failure name.
 */
public record ValidateRetryPolicy(long defaultWaitMs, long maxBackoffMs, long minRetryAfterMs, long maxRetryAfterMs,
    int unavailableRetries) {

  public static final String PROCESSING = "processing";

  public static ValidateRetryPolicy from(HarnessConfig config) {
    return new ValidateRetryPolicy(
        config.getLong(Keys.VALIDATE_DEFAULT_WAIT_MS),
        config.getLong(Keys.VALIDATE_MAX_BACKOFF_MS),
        config.getLong(Keys.VALIDATE_MIN_RETRY_AFTER_MS),
        config.getLong(Keys.VALIDATE_MAX_RETRY_AFTER_MS),
        config.getInt(Keys.VALIDATE_UNAVAILABLE_RETRIES));
  }

  /** One validate answer, as far as the loop cares. Absent fields are null. */
  public record Answer(int status, String errorMessage, Long retryAfterMs, String retryAfterHeader, Boolean success,
      Boolean verifiedAction) {}

  /** What to do next; {@code backedOff} and {@code unavailable} tell the caller which counter to advance. */
  public record Next(boolean decided, long waitMs, boolean backedOff, boolean unavailable, String failure) {
    static Next decidedNow() {
      return new Next(true, 0, false, false, null);
    }

    static Next fail(String name) {
      return new Next(false, 0, false, false, name);
    }
  }

  /**
   * @param backoffs backoff waits taken so far in this flow
   * @param unavailableSoFar 503 answers retried so far in this flow
   * @param jitter draws uniformly from [0, bound] (full jitter)
   */
  public Next next(Answer answer, int backoffs, int unavailableSoFar, LongUnaryOperator jitter) {
    if (answer.status() == 503) {
      if (unavailableSoFar >= unavailableRetries) {
        return Next.fail("unavailable after " + unavailableRetries + " retries");
      }
      Long retryAfterSeconds = seconds(answer.retryAfterHeader());
      return retryAfterSeconds != null
          ? new Next(false, Math.min(retryAfterSeconds * 1000, maxRetryAfterMs), false, true, null)
          : new Next(false, backoff(backoffs, jitter), true, true, null);
    }
    if (answer.status() != 200) {
      return Next.fail("status " + answer.status());
    }
    if (PROCESSING.equals(answer.errorMessage())) {
      return answer.retryAfterMs() != null
          ? new Next(false, clamp(answer.retryAfterMs()), false, false, null)
          : new Next(false, backoff(backoffs, jitter), true, false, null);
    }
    if (answer.errorMessage() != null) {
      return Next.fail("application error");
    }
    if (Boolean.TRUE.equals(answer.success())) {
      return Boolean.TRUE.equals(answer.verifiedAction()) ? Next.decidedNow() : Next.fail("not verified");
    }
    return Next.fail("unexpected answer");
  }

  long clamp(long retryAfterMs) {
    return Math.max(minRetryAfterMs, Math.min(maxRetryAfterMs, retryAfterMs));
  }

  /** Full jitter: uniform in [0, min(cap, base * 2^n)]. */
  long backoff(int backoffs, LongUnaryOperator jitter) {
    long ceiling = defaultWaitMs << Math.min(backoffs, 30);
    return jitter.applyAsLong(Math.min(maxBackoffMs, ceiling < 0 ? maxBackoffMs : ceiling));
  }

  private static Long seconds(String header) {
    if (header == null) {
      return null;
    }
    try {
      long value = Long.parseLong(header.trim());
      return value >= 0 ? value : null;
    } catch (NumberFormatException notSeconds) {
      return null; // an HTTP date: fall back to the backoff
    }
  }
}
