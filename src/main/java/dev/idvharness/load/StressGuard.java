package dev.idvharness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Ends a stress ramp once its knee is clear, so that the run past it ends in order rather than in a crash: it stops
 * the injection when a gate has been broken for two windows ({@link StressBreakpoint}), when more flows are in flight
 * than the rate and the deadline allow a system that keeps up (twice Little's bound), or when the process nears its
 * open-file limit. From then on new virtual users leave at once (they are not flows); the flows in flight get the
 * drain time, and whatever is left counts as unfinished. A pure rule over what it is given, checked once a second.
 */
public final class StressGuard {

  /** Share of the open-file limit the flows may reach: the rest keeps the JVM able to load classes and write. */
  static final double FILES_SHARE = 0.8;
  /** Share of the heap live data may reach before the collector, not the system under test, sets the pace. */
  static final double HEAP_SHARE = 0.8;

  private final LoadSettings settings;
  private final long deadlineMs;
  private volatile Stop stop;
  private volatile boolean drained;

  public StressGuard(LoadSettings settings, long deadlineMs) {
    this.settings = settings;
    this.deadlineMs = deadlineMs;
  }

  /** Why and when the injection stopped. */
  public record Stop(String reason, long atSecond, double usersPerSec, long inFlight, long stoppedAtMs) {
    ObjectNode toJson() {
      return HarnessJson.MAPPER.createObjectNode().put("reason", reason).put("atSecond", atSecond)
          .put("atUsersPerSec", Math.round(usersPerSec * 10) / 10.0).put("flowsInFlight", inFlight);
    }
  }

  public boolean injecting() {
    return stop == null;
  }

  public Stop stop() {
    return stop;
  }

  /** Why the injection stopped, or that it has not: never null, whenever it is read. */
  public String stopReason() {
    Stop current = stop;
    return current == null ? "not stopped" : current.reason();
  }

  /**
   * One look at the run; stops the injection when the knee is clear.
   *
   * @param inFlight flows started and not yet finished
   * @param results the flows so far (their windows tell a broken gate)
   * @param liveHeapBytes heap in use after the last collection (-1: unknown)
   */
  public void check(long nowMs, long runStartedMs, long inFlight, Supplier<List<FlowResult>> results,
      LongSupplier openFiles, long maxOpenFiles, LongSupplier liveHeapBytes, long maxHeapBytes) {
    if (stop != null) {
      return;
    }
    double second = (nowMs - runStartedMs) / 1000.0;
    double rate = settings.totalInjection().rateAt(second) / settings.sharding().injectors();
    long bound = Math.max(2 * ResourceBudget.flowsInFlight(rate, deadlineMs), 50);
    String reason = null;
    if (inFlight > bound) {
      reason = String.format(Locale.ROOT, "%d flows in flight, beyond the %d that %.1f flows/s with a %d ms deadline"
          + " allow", inFlight, bound, rate, deadlineMs);
    }
    long open = openFiles.getAsLong();
    if (reason == null && maxOpenFiles > 0 && open > FILES_SHARE * maxOpenFiles) {
      reason = String.format(Locale.ROOT, "the machine's limit: %d of %d open files", open, maxOpenFiles);
    }
    long live = liveHeapBytes.getAsLong();
    if (reason == null && live > HEAP_SHARE * maxHeapBytes) {
      reason = String.format(Locale.ROOT, "the machine's limit: %d of %d MiB of heap live", live >> 20,
          maxHeapBytes >> 20);
    }
    if (reason == null) {
      StressBreakpoint knee = StressBreakpoint.find(results.get(), settings.sla(), settings.totalInjection());
      if (knee != null) {
        reason = "gate '" + FlowNames.title(knee.flow()) + " " + knee.gate() + "' broken for two windows from second "
            + knee.windowStartSeconds();
      }
    }
    if (reason != null) {
      stop = new Stop(reason, Math.round(second), rate, inFlight, nowMs);
    }
  }

  /** Notes whether the run may end: the injection stopped and the flows in flight are done or out of drain time. */
  public void checkDrained(long nowMs, long inFlight) {
    drained = stop != null && (inFlight == 0 || nowMs - stop.stoppedAtMs() >= settings.drain().toMillis());
  }

  public boolean isDrained() {
    return drained;
  }
}
