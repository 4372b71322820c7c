package dev.idvharness.load;

import org.HdrHistogram.Histogram;

/**
 * One request name of a flow (e.g. {@code CyberArkVerification/Poll}): answers that passed their checks (OK) and
 * those that did not or got no answer (KO), and the response times of the answered ones, in a histogram that adds up
 * exactly across load generators.
 */
public record RequestResult(String name, long ok, long ko, Histogram responseTimeMs) {

  public long total() {
    return ok + ko;
  }

  public long responseTimeMs(double percentile) {
    return responseTimeMs.getTotalCount() == 0 ? 0 : responseTimeMs.getValueAtPercentile(percentile);
  }

  public RequestResult plus(RequestResult other) {
    Histogram sum = responseTimeMs.copy();
    sum.add(other.responseTimeMs);
    return new RequestResult(name, ok + other.ok, ko + other.ko, sum);
  }
}
