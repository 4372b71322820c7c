package dev.idvharness.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bookkeeping of one loop run: calls, waits, the clock, the last exchange. The rules decide; this counts. */
final class LoopRun {

  private final long startNanos = System.nanoTime();
  private final List<Long> waits = new ArrayList<>();
  private final Pause pause;
  private final long deadlineMs;
  private int calls;
  private Exchange last;

  LoopRun(Pause pause, long deadlineMs) {
    this.pause = pause;
    this.deadlineMs = deadlineMs;
  }

  void called(Exchange exchange) {
    calls++;
    last = exchange;
  }

  int calls() {
    return calls;
  }

  /** Waits {@code ms} (the rule already checked the deadline); false when interrupted. */
  boolean pause(long ms) {
    try {
      pause.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    waits.add(ms);
    return true;
  }

  /** What is left of the deadline: no request of the loop may outlive it. */
  Duration remaining() {
    return Duration.ofMillis(deadlineMs).minus(elapsed());
  }

  long elapsedMs() {
    return elapsed().toMillis();
  }

  /**
   * No HTTP answer: a request cut at the deadline's limit, or one that ended past the deadline, is the deadline;
   * anything else is unreachable. The cut counts whatever the clock says: the client's timer can fire just early.
   */
  Outcome unreachable(TransportFailure failure) {
    boolean pastDeadline = remaining().isNegative() || remaining().isZero();
    return pastDeadline || failure.cutAtCallersLimit() ? deadline("unanswered")
        : end(Outcome.Kind.UNREACHABLE, failure.getMessage());
  }

  Outcome end(Outcome.Kind kind, String detail) {
    return new Outcome(kind, calls, elapsed(), waits, last, detail);
  }

  Outcome deadline(String pendingAs) {
    return end(Outcome.Kind.DEADLINE, "still " + pendingAs + " after " + calls + " call(s); deadline " + deadlineMs
        + " ms");
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
