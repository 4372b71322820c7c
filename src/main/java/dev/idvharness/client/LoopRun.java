package dev.idvharness.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bookkeeping one loop run shares between its branches: calls, waits, the clock, the last exchange. */
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

  /** Waits {@code ms} unless that would pass the deadline; false means the deadline is reached. */
  boolean waitWithinDeadline(long ms) {
    if (elapsed().toMillis() + ms > deadlineMs) {
      return false;
    }
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

  boolean pastDeadline() {
    return remaining().isNegative() || remaining().isZero();
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
