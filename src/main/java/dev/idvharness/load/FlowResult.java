package dev.idvharness.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one flow did in a run, as mergeable records: counters and HdrHistograms that add up exactly across load
 * generators. {@code unfinished}: started but still running when the run stopped (after the drain); they count as
 * failed, since a flow that never reaches its verdict is one.
 */
public record FlowResult(String flow, long started, Histogram timeToVerdictMs, Histogram callsPerVerdict,
    Map<String, Long> failures, Map<Long, Window> windows, Map<String, RequestResult> requests) {

  /** Significant digits of every histogram of the records: generators with other precision cannot be merged. */
  public static final int DIGITS = 3;
  /** The longest time recorded, one hour. */
  public static final long MAX_MS = 3_600_000L;

  /** Flows started in one 5-second window (keyed by its start, in seconds into the run). */
  public record Window(Histogram timeToVerdictMs, long failed) {

    public long verdicts() {
      return timeToVerdictMs.getTotalCount();
    }

    public double failedPercent() {
      long all = verdicts() + failed;
      return all == 0 ? 0 : failed * 100.0 / all;
    }

    public long timeToVerdictP95Ms() {
      return verdicts() == 0 ? 0 : timeToVerdictMs.getValueAtPercentile(95);
    }

    /** A window of {@code verdicts} verdicts that all took {@code p95Ms}, for tests and examples. */
    public static Window of(long verdicts, long failed, long p95Ms) {
      Histogram histogram = histogram();
      if (verdicts > 0) {
        histogram.recordValueWithCount(p95Ms, verdicts);
      }
      return new Window(histogram, failed);
    }
  }

  /** A new, empty histogram of the records' range and precision. */
  public static Histogram histogram() {
    return new Histogram(MAX_MS, DIGITS);
  }

  public FlowResult {
    failures = new TreeMap<>(failures);
    windows = new TreeMap<>(windows);
    requests = new TreeMap<>(requests);
  }

  /** A flow without per-request records (tests of the flow gates). */
  public FlowResult(String flow, long started, Histogram timeToVerdictMs, Histogram callsPerVerdict,
      Map<String, Long> failures, Map<Long, Window> windows) {
    this(flow, started, timeToVerdictMs, callsPerVerdict, failures, windows, Map.of());
  }

  public long verdicts() {
    return timeToVerdictMs.getTotalCount();
  }

  public long failedWithName() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  public long unfinished() {
    return Math.max(0, started - verdicts() - failedWithName());
  }

  public long failed() {
    return failedWithName() + unfinished();
  }

  public long deadlineMisses() {
    return failures.getOrDefault(FlowRecorder.DEADLINE, 0L);
  }

  public double failedPercent() {
    return started == 0 ? 0 : failed() * 100.0 / started;
  }

  public long timeToVerdictMs(double percentile) {
    return timeToVerdictMs.getTotalCount() == 0 ? 0 : timeToVerdictMs.getValueAtPercentile(percentile);
  }

  /** This flow's records plus another generator's: histograms added exactly, counters summed. */
  public FlowResult plus(FlowResult other) {
    Histogram ttv = timeToVerdictMs.copy();
    ttv.add(other.timeToVerdictMs);
    Histogram calls = callsPerVerdict.copy();
    calls.add(other.callsPerVerdict);
    Map<String, Long> allFailures = new TreeMap<>(failures);
    other.failures.forEach((name, count) -> allFailures.merge(name, count, Long::sum));
    Map<Long, Window> allWindows = new TreeMap<>(windows);
    other.windows.forEach((start, window) -> allWindows.merge(start, window, (a, b) -> {
      Histogram sum = a.timeToVerdictMs().copy();
      sum.add(b.timeToVerdictMs());
      return new Window(sum, a.failed() + b.failed());
    }));
    Map<String, RequestResult> allRequests = new TreeMap<>(requests);
    other.requests.forEach((name, request) -> allRequests.merge(name, request, RequestResult::plus));
    return new FlowResult(flow, started + other.started, ttv, calls, allFailures, allWindows, allRequests);
  }
}
