package dev.idvharness.load;

import io.gatling.javaapi.core.Session;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Time to verdict of one flow, measured from inside the scenario: wall-clock from the first request to the verdict,
 * pauses included (Gatling's group times leave them out). Also calls per verdict, failures by name, and per
 * 5-second window of flow starts, so a stress run can tell when a gate first broke.
 */
public final class FlowRecorder {

  static final String STARTED_AT = "flow.startedAt";
  static final String CALLS = "flow.calls";
  static final String STEP = "flow.step";
  static final String FAILURE = "flow.failure";
  static final String VERIFIED = "flow.verified";
  static final String DEADLINE = "deadline";
  static final long WINDOW_MS = 5_000;
  static final long MAX_MS = 3_600_000L;

  private final String flow;
  private final LongSupplier runStartedAt;
  private final LongAdder started = new LongAdder();
  private final Histogram timeToVerdictMs = new ConcurrentHistogram(MAX_MS, 3);
  private final Histogram callsPerVerdict = new ConcurrentHistogram(100_000L, 3);
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<Long, Window> windows = new ConcurrentSkipListMap<>();

  /** @param runStartedAt when the injection started (windows count from there) */
  public FlowRecorder(String flow, LongSupplier runStartedAt) {
    this.flow = flow;
    this.runStartedAt = runStartedAt;
  }

  public String flow() {
    return flow;
  }

  public Session start(Session session) {
    started.increment();
    return session.set(STARTED_AT, System.currentTimeMillis()).set(CALLS, 0).removeAll(STEP, FAILURE, VERIFIED);
  }

  /** Before each request: which step the flow is in (a failed check is named after it) and one more call. */
  public static Session call(Session session, String step) {
    return session.set(STEP, step).set(CALLS, session.getInt(CALLS) + 1);
  }

  /** A flow that ends without a verdict for a reason the loop itself found (deadline, unexpected answer...). */
  public static Session fail(Session session, String failure) {
    return session.set(FAILURE, failure);
  }

  /** At the verdict: records it and leaves the session clean for a next flow (see {@link #VERIFIED}). */
  public Session finish(Session session) {
    long startedAt = session.getLong(STARTED_AT);
    long elapsed = System.currentTimeMillis() - startedAt;
    String failure = session.contains(FAILURE) ? session.getString(FAILURE)
        : session.isFailed() ? session.getString(STEP) + " check failed" : null;
    if (failure == null) {
      timeToVerdictMs.recordValue(Math.min(elapsed, MAX_MS));
      callsPerVerdict.recordValue(session.getInt(CALLS));
    } else {
      failures.computeIfAbsent(failure, name -> new LongAdder()).increment();
    }
    windows.computeIfAbsent(Math.max(0, startedAt - runStartedAt.getAsLong()) / WINDOW_MS, index -> new Window()).record(elapsed, failure);
    return session.markAsSucceeded().set(VERIFIED, failure == null);
  }

  public static boolean verified(Session session) {
    return session.contains(VERIFIED) && session.getBoolean(VERIFIED);
  }

  public FlowResult result() {
    Map<String, Long> failuresByName = new TreeMap<>();
    failures.forEach((name, count) -> failuresByName.put(name, count.sum()));
    Map<Long, FlowResult.WindowResult> byWindow = new TreeMap<>();
    windows.forEach((index, window) -> byWindow.put(index * WINDOW_MS / 1000, window.result()));
    return new FlowResult(flow, started.sum(), timeToVerdictMs.copy(), callsPerVerdict.copy(), failuresByName,
        byWindow);
  }

  /** The flows started in one window: how their verdicts went. */
  private static final class Window {
    private final Histogram timeToVerdictMs = new ConcurrentHistogram(MAX_MS, 2);
    private final LongAdder failed = new LongAdder();

    void record(long elapsed, String failure) {
      if (failure == null) {
        timeToVerdictMs.recordValue(Math.min(elapsed, MAX_MS));
      } else {
        failed.increment();
      }
    }

    FlowResult.WindowResult result() {
      return new FlowResult.WindowResult(timeToVerdictMs.getTotalCount(), failed.sum(),
          timeToVerdictMs.getValueAtPercentile(95));
    }
  }
}
