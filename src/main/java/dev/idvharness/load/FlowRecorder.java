package dev.idvharness.load;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The records of one flow, taken from inside the scenario: time to verdict (wall clock from the first request to the
 * verdict, pauses included; Gatling's group times leave them out), calls per verdict, failures by name, per 5-second
 * window of flow starts (so a stress run can tell when a gate first broke), and per request name the OK and KO
 * answers and their response times. Everything is a counter or an HdrHistogram, so that the records of several load
 * generators add up exactly.
 */
public final class FlowRecorder {

  static final String STARTED_AT = "flow.startedAt";
  static final String CALLS = "flow.calls";
  static final String STEP = "flow.step";
  static final String FAILURE = "flow.failure";
  static final String VERIFIED = "flow.verified";
  /** Where a chain saves each answer's response time (the first check of every request). */
  static final String RESPONSE_TIME = "flow.responseTimeMs";
  static final String DEADLINE = "deadline";
  static final long WINDOW_MS = 5_000;

  private final String flow;
  private final String group;
  private final LongSupplier runStartedAt;
  private final LongAdder started = new LongAdder();
  private final LongAdder finished = new LongAdder();
  private final StressGuard guard;
  private final Histogram timeToVerdictMs = concurrent();
  private final Histogram callsPerVerdict = concurrent();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<Long, WindowRecorder> windows = new ConcurrentSkipListMap<>();
  private final Map<String, RequestRecorder> requests = new ConcurrentHashMap<>();

  /**
   * @param group the Gatling group of the flow's requests (request names are recorded as {@code group/name})
   * @param runStartedAt when the injection started (windows count from there)
   */
  public FlowRecorder(String flow, String group, LongSupplier runStartedAt) {
    this(flow, group, runStartedAt, null);
  }

  /** @param guard the stress guard that may close the admission of new flows (null: always open) */
  public FlowRecorder(String flow, String group, LongSupplier runStartedAt, StressGuard guard) {
    this.flow = flow;
    this.group = group;
    this.runStartedAt = runStartedAt;
    this.guard = guard;
  }

  /**
   * The head of every flow: once a stress guard stopped the injection, a new virtual user leaves at once (it is no
   * flow), and the first one after the drain ends the run in order.
   */
  public ChainBuilder admission() {
    if (guard == null) {
      return CoreDsl.exec(session -> session);
    }
    // Gatling evaluates the message before the condition, for every user: it must never fail (a failed expression
    // marks the session failed, and the flow's first request then counts as a failed check)
    return CoreDsl.stopLoadGeneratorIf(session -> "stress: " + guard.stopReason(), session -> guard.isDrained())
        .exitHereIf(session -> !guard.injecting());
  }

  /** Flows started and not yet finished. */
  public long inFlight() {
    return started.sum() - finished.sum();
  }

  public String flow() {
    return flow;
  }

  public Session start(Session session) {
    started.increment();
    return session.set(STARTED_AT, System.currentTimeMillis()).set(CALLS, 0)
        .removeAll(STEP, FAILURE, VERIFIED, RESPONSE_TIME);
  }

  /** Before each request: which step the flow is in (a failed check is named after it) and one more call. */
  public static Session call(Session session, String step) {
    return session.set(STEP, step).set(CALLS, session.getInt(CALLS) + 1).remove(RESPONSE_TIME);
  }

  /**
   * Right after a request: OK when its checks passed, KO otherwise; its response time when it got an answer. The
   * session must not have been failed before the request (the chains mark it succeeded before each one).
   */
  public Session answered(Session session, String request) {
    requests.computeIfAbsent(request, name -> new RequestRecorder()).record(
        !session.isFailed(), session.contains(RESPONSE_TIME) ? session.getLong(RESPONSE_TIME) : -1);
    return session;
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
      timeToVerdictMs.recordValue(clamp(elapsed));
      callsPerVerdict.recordValue(session.getInt(CALLS));
    } else {
      failures.computeIfAbsent(failure, name -> new LongAdder()).increment();
    }
    windows.computeIfAbsent(Math.max(0, startedAt - runStartedAt.getAsLong()) / WINDOW_MS,
        index -> new WindowRecorder()).record(elapsed, failure);
    finished.increment();
    return session.markAsSucceeded().set(VERIFIED, failure == null);
  }

  public static boolean verified(Session session) {
    return session.contains(VERIFIED) && session.getBoolean(VERIFIED);
  }

  /** Where the flow stands, without copying any histogram: for the progress line of a long run. */
  String progress() {
    long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
    return flow + " " + started.sum() + " started, " + timeToVerdictMs.getTotalCount() + " verdicts, " + failed
        + " failed;";
  }

  public FlowResult result() {
    Map<String, Long> failuresByName = new TreeMap<>();
    failures.forEach((name, count) -> failuresByName.put(name, count.sum()));
    Map<Long, FlowResult.Window> byWindow = new TreeMap<>();
    windows.forEach((index, window) -> byWindow.put(index * WINDOW_MS / 1000, window.result()));
    Map<String, RequestResult> byRequest = new TreeMap<>();
    requests.forEach((name, request) -> byRequest.put(group + "/" + name, request.result(group + "/" + name)));
    return new FlowResult(flow, started.sum(), copy(timeToVerdictMs), copy(callsPerVerdict), failuresByName,
        byWindow, byRequest);
  }

  private static Histogram concurrent() {
    return new ConcurrentHistogram(FlowResult.MAX_MS, FlowResult.DIGITS);
  }

  /** A plain copy: what the records hold and the merge adds. */
  private static Histogram copy(Histogram histogram) {
    Histogram plain = FlowResult.histogram();
    plain.add(histogram);
    return plain;
  }

  private static long clamp(long ms) {
    return Math.max(0, Math.min(ms, FlowResult.MAX_MS));
  }

  /** The flows started in one window: how their verdicts went. */
  private static final class WindowRecorder {
    private final Histogram timeToVerdictMs = concurrent();
    private final LongAdder failed = new LongAdder();

    void record(long elapsed, String failure) {
      if (failure == null) {
        timeToVerdictMs.recordValue(clamp(elapsed));
      } else {
        failed.increment();
      }
    }

    FlowResult.Window result() {
      return new FlowResult.Window(copy(timeToVerdictMs), failed.sum());
    }
  }

  /** One request name: OK and KO answers, response times of the answered ones. */
  private static final class RequestRecorder {
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    private final Histogram responseTimeMs = concurrent();

    void record(boolean passed, long responseTimeMs) {
      (passed ? ok : ko).increment();
      if (responseTimeMs >= 0) {
        this.responseTimeMs.recordValue(clamp(responseTimeMs));
      }
    }

    RequestResult result(String name) {
      return new RequestResult(name, ok.sum(), ko.sum(), copy(responseTimeMs));
    }
  }
}
