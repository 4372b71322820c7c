package dev.idvharness.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.random.RandomGenerator;

/**
 * The IronVest validate loop of contract section 3: repeat while "processing", waiting retryAfterMS clamped to
 * [min, max], or without it a full-jitter exponential backoff; retry a 503 at most K times honouring Retry-After;
 * never retry 403 or 422; give up at the deadline.
 */
public final class IronVestValidateLoop {

  private final IronVestClient client;
  private final ValidateSettings settings;
  private final Pause pause;
  private final RandomGenerator random;

  public IronVestValidateLoop(IronVestClient client, ValidateSettings settings, Pause pause, RandomGenerator random) {
    this.client = client;
    this.settings = settings;
    this.pause = pause;
    this.random = random;
  }

  public Outcome run(ObjectNode body) {
    LoopRun run = new LoopRun(pause, settings.deadlineMs());
    int processingWithoutHint = 0;
    int unavailable = 0;
    while (true) {
      IronVestAnswer answer;
      try {
        answer = client.validate(body, run.remaining());
      } catch (TransportFailure unreachable) {
        return run.pastDeadline() ? run.deadline("unanswered") : run.end(Outcome.Kind.UNREACHABLE, unreachable.getMessage());
      }
      run.called(answer.exchange());
      long waitMs;
      switch (answer.kind()) {
        case DECISION -> {
          Boolean verified = answer.verifiedAction();
          if (verified == null) {
            return run.end(Outcome.Kind.PROTOCOL, "verifiedAction is missing or not a boolean");
          }
          return run.end(verified ? Outcome.Kind.VERIFIED : Outcome.Kind.NOT_VERIFIED, null);
        }
        case APPLICATION_ERROR -> {
          return run.end(Outcome.Kind.APPLICATION_ERROR, answer.errorMessage());
        }
        case FORBIDDEN, UNPROCESSABLE -> {
          return run.end(Outcome.Kind.REJECTED, "HTTP " + answer.status());
        }
        case UNEXPECTED -> {
          return run.end(Outcome.Kind.PROTOCOL, "HTTP " + answer.status() + " is no answer of contract 2.2");
        }
        case PROCESSING -> {
          if (answer.hasBadRetryAfter()) {
            return run.end(Outcome.Kind.PROTOCOL, "retryAfterMS is not a whole number");
          }
          waitMs = answer.retryAfterMs().isPresent()
              ? Backoff.clampMs(answer.retryAfterMs().getAsLong(), settings.minRetryAfterMs(), settings.maxRetryAfterMs())
              : Backoff.fullJitterMs(processingWithoutHint++, settings.defaultWaitMs(), settings.maxBackoffMs(), random);
        }
        case UNAVAILABLE -> {
          if (unavailable >= settings.unavailableRetries()) {
            return run.end(Outcome.Kind.UNAVAILABLE, "HTTP 503 after " + unavailable + " retries");
          }
          int attempt = unavailable++;
          waitMs = answer.retryAfterHeaderMs().orElseGet(
              () -> Backoff.fullJitterMs(attempt, settings.defaultWaitMs(), settings.maxBackoffMs(), random));
        }
        default -> throw new IllegalStateException("unhandled answer kind " + answer.kind());
      }
      if (!run.waitWithinDeadline(waitMs)) {
        return run.deadline(answer.kind() == IronVestAnswer.Kind.UNAVAILABLE ? "unavailable" : "processing");
      }
    }
  }
}
