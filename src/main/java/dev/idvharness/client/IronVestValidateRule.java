package dev.idvharness.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The IronVest validate loop's one rule (contract section 3), a pure function of (answer, loop state, settings):
 * <ul>
 *   <li>"processing": wait {@code retryAfterMS} clamped to [min, max] (negative or not a whole number: a protocol
 *       failure), or without it a full-jitter exponential backoff, uniform in [0, min(cap, base * 2^n)] where n
 *       counts the backoffs taken so far;</li>
 *   <li>503: wait its {@code Retry-After} (seconds or an HTTP date), or the same backoff, at most K times;</li>
 *   <li>a decision is a verdict (verified or not); 403 and 422 are never retried; any other errorMessage is a
 *       terminal application error; anything else is a protocol failure;</li>
 *   <li>a wait that would end past the deadline ends the loop with the failure "deadline".</li>
 * </ul>
 * The conformance loop ({@link IronVestValidateLoop}) and the Gatling chain both call it; there is no other copy.
 */
public final class IronVestValidateRule {

  private final ValidateSettings settings;

  public IronVestValidateRule(ValidateSettings settings) {
    this.settings = settings;
  }

  /** What a loop has done so far: calls, backoffs without a vendor hint, 503s retried. */
  public record State(int calls, int backoffs, int unavailable) {

    public static final State START = new State(0, 0, 0);
  }

  /** The step and the state to carry to the next answer. */
  public record Next(LoopStep step, State state) {}

  /**
   * @param state the loop's state before this answer
   * @param elapsedMs time since the loop's first request, when this answer arrived
   * @param now the wall clock, for a Retry-After given as an HTTP date
   */
  public Next next(IronVestAnswer answer, State state, long elapsedMs, ZonedDateTime now, RandomGenerator random) {
    State called = new State(state.calls() + 1, state.backoffs(), state.unavailable());
    return switch (answer.kind()) {
      case DECISION -> ended(called, answer.verifiedAction() == null
          ? LoopStep.end(Outcome.Kind.PROTOCOL, "verifiedAction is missing or not a boolean")
          : LoopStep.end(answer.verifiedAction() ? Outcome.Kind.VERIFIED : Outcome.Kind.NOT_VERIFIED, null));
      case APPLICATION_ERROR -> ended(called, LoopStep.end(Outcome.Kind.APPLICATION_ERROR, answer.errorMessage()));
      case FORBIDDEN, UNPROCESSABLE -> ended(called, LoopStep.end(Outcome.Kind.REJECTED, "HTTP " + answer.status()));
      case UNEXPECTED -> ended(called,
          LoopStep.end(Outcome.Kind.PROTOCOL, "HTTP " + answer.status() + " is no answer of contract 2.2"));
      case PROCESSING -> processing(answer, called, elapsedMs, random);
      case UNAVAILABLE -> unavailable(answer, called, elapsedMs, now, random);
    };
  }

  private Next processing(IronVestAnswer answer, State state, long elapsedMs, RandomGenerator random) {
    String badRetryAfter = answer.badRetryAfter();
    if (badRetryAfter != null) {
      return ended(state, LoopStep.end(Outcome.Kind.PROTOCOL, badRetryAfter));
    }
    OptionalLong hint = answer.retryAfterMs();
    if (hint.isPresent()) {
      long waitMs = Math.max(settings.minRetryAfterMs(), Math.min(settings.maxRetryAfterMs(), hint.getAsLong()));
      return waitOrDeadline(waitMs, state, elapsedMs, "processing");
    }
    long waitMs = fullJitterMs(state.backoffs(), random);
    return waitOrDeadline(waitMs, new State(state.calls(), state.backoffs() + 1, state.unavailable()), elapsedMs,
        "processing");
  }

  private Next unavailable(IronVestAnswer answer, State state, long elapsedMs, ZonedDateTime now,
      RandomGenerator random) {
    if (state.unavailable() >= settings.unavailableRetries()) {
      return ended(state, LoopStep.end(Outcome.Kind.UNAVAILABLE, "HTTP 503 after " + state.unavailable() + " retries"));
    }
    State retried = new State(state.calls(), state.backoffs(), state.unavailable() + 1);
    OptionalLong header = retryAfterHeaderMs(answer.exchange().responseHeader("Retry-After").orElse(null), now);
    long waitMs = header.isPresent() ? header.getAsLong() : fullJitterMs(state.unavailable(), random);
    return waitOrDeadline(waitMs, retried, elapsedMs, "unavailable");
  }

  private Next waitOrDeadline(long waitMs, State state, long elapsedMs, String pendingAs) {
    if (elapsedMs + waitMs > settings.deadlineMs()) {
      return ended(state, LoopStep.end(Outcome.Kind.DEADLINE,
          "still " + pendingAs + " after " + state.calls() + " call(s); deadline " + settings.deadlineMs() + " ms"));
    }
    return new Next(new LoopStep.Wait(waitMs), state);
  }

  private static Next ended(State state, LoopStep step) {
    return new Next(step, state);
  }

  /** Full jitter: uniform in [0, ceilingMs(attempt)]. */
  long fullJitterMs(int attempt, RandomGenerator random) {
    long ceiling = ceilingMs(attempt);
    return ceiling == 0 ? 0 : random.nextLong(ceiling + 1);
  }

  /** min(cap, base * 2^attempt), without overflow. */
  long ceilingMs(int attempt) {
    long base = settings.defaultWaitMs();
    long cap = settings.maxBackoffMs();
    if (attempt >= 62 || base > (cap >> Math.min(attempt, 62))) {
      return cap;
    }
    return Math.min(cap, base << attempt);
  }

  /**
   * A Retry-After header in milliseconds: delay-seconds or an HTTP date (RFC 9110 10.2.3) relative to {@code now};
   * empty when absent or unreadable (the loop then backs off).
   */
  public static OptionalLong retryAfterHeaderMs(String header, ZonedDateTime now) {
    if (header == null || header.isBlank()) {
      return OptionalLong.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 || seconds > Long.MAX_VALUE / 1000 ? OptionalLong.empty() : OptionalLong.of(seconds * 1000);
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
