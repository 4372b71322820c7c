package dev.idvharness.client;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;

/** The CyberArk poll loop's knobs: the wait between two Polls and when to give up. */
public record PollSettings(long intervalMs, long deadlineMs) {

  public static PollSettings from(HarnessConfig config) {
    return new PollSettings(config.get(Keys.POLL_INTERVAL_MS), config.get(Keys.POLL_DEADLINE_MS));
  }
}
