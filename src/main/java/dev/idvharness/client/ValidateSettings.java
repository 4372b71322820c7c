package dev.idvharness.client;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;

/** The IronVest validate loop's knobs (contract section 3). */
public record ValidateSettings(
    long defaultWaitMs,
    long maxBackoffMs,
    long minRetryAfterMs,
    long maxRetryAfterMs,
    int unavailableRetries,
    long deadlineMs) {

  public static ValidateSettings from(HarnessConfig config) {
    return new ValidateSettings(
        config.get(Keys.VALIDATE_DEFAULT_WAIT_MS),
        config.get(Keys.VALIDATE_MAX_BACKOFF_MS),
        config.get(Keys.VALIDATE_MIN_RETRY_AFTER_MS),
        config.get(Keys.VALIDATE_MAX_RETRY_AFTER_MS),
        config.get(Keys.VALIDATE_UNAVAILABLE_RETRIES),
        config.get(Keys.VALIDATE_DEADLINE_MS));
  }
}
