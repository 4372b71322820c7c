package dev.idvharness.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one flow did in a run. {@code unfinished}: started but still running when the run stopped (after the drain);
 * they count as failed, since a flow that never reaches its verdict is one.
 */
public record FlowResult(String flow, long started, Histogram timeToVerdictMs, Histogram callsPerVerdict,
    Map<String, Long> failures, Map<Long, WindowResult> windows) {

  /** Flows started in one 5-second window (keyed by its start, in seconds into the run). */
  public record WindowResult(long verdicts, long failed, long timeToVerdictP95Ms) {
    public double failedPercent() {
      long all = verdicts + failed;
      return all == 0 ? 0 : failed * 100.0 / all;
    }
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
}
