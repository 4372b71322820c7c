package dev.idvharness.client;

import java.time.Duration;
import java.util.List;

/**
 * How a loop ended: a verdict or a named failure, with the number of calls it took, the time from the first request
 * to the final answer, the waits it chose, and the last exchange (for the failure message).
 */
public record Outcome(Kind kind, int calls, Duration elapsed, List<Long> waitsMs, Exchange last, String detail) {

  /** Verdicts first, then the named failures. */
  public enum Kind {
    /** CyberArk: the OOB mechanism passed (StartNextChallenge or LoginSuccess). */
    PASSED("passed", true),
    /** IronVest: a decision with verifiedAction true. */
    VERIFIED("verified", true),
    /** IronVest: a decision with verifiedAction false. */
    NOT_VERIFIED("not-verified", true),
    /** CyberArk: the user denied, or the vendor answered success:false while polling. */
    DENIED("denied", false),
    /** Still pending when the configured deadline passed. */
    DEADLINE("deadline", false),
    /** IronVest: 403 or 422, never retried. */
    REJECTED("rejected", false),
    /** IronVest: still 503 after the configured number of retries. */
    UNAVAILABLE("unavailable", false),
    /** IronVest: errorMessage other than "processing", terminal. */
    APPLICATION_ERROR("application-error", false),
    /** The answer breaks the contract: wrong status, not JSON, missing or mistyped fields. */
    PROTOCOL("protocol", false),
    /** No HTTP answer at all: refused, reset, TLS refused, timed out. */
    UNREACHABLE("unreachable", false);

    private final String label;
    private final boolean verdict;

    Kind(String label, boolean verdict) {
      this.label = label;
      this.verdict = verdict;
    }

    public String label() {
      return label;
    }

    public boolean isVerdict() {
      return verdict;
    }
  }

  public Outcome {
    waitsMs = List.copyOf(waitsMs);
  }

  public String name() {
    return kind.label();
  }

  @Override
  public String toString() {
    return name() + " after " + calls + " call(s) in " + elapsed.toMillis() + " ms"
        + (detail == null ? "" : " (" + detail + ")");
  }
}
