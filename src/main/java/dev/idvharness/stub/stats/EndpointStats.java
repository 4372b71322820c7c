package dev.idvharness.stub.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.FaultSpec;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one endpoint served: requests, injected faults, the delay it was configured to add, the time it really took,
 * and the lag between the two. A growing lag means the stub itself is saturated, not that the vendor is slow.
 */
public final class EndpointStats {

  private static final long MAX_MS = 3_600_000L;

  private final LongAdder requests = new LongAdder();
  private final LongAdder unavailable = new LongAdder();
  private final LongAdder resets = new LongAdder();
  private final LongAdder stalls = new LongAdder();
  private final Histogram configuredDelayMs = new ConcurrentHistogram(MAX_MS, 3);
  private final Histogram servedMs = new ConcurrentHistogram(MAX_MS, 3);
  private final Histogram lagMs = new ConcurrentHistogram(MAX_MS, 3);

  void request(FaultSpec.Kind fault) {
    requests.increment();
    if (fault != null) {
      switch (fault) {
        case UNAVAILABLE -> unavailable.increment();
        case RESET -> resets.increment();
        case STALL -> stalls.increment();
      }
    }
  }

  void served(long configuredDelay, long servedIn) {
    configuredDelayMs.recordValue(clamp(configuredDelay));
    servedMs.recordValue(clamp(servedIn));
    lagMs.recordValue(clamp(servedIn - configuredDelay));
  }

  public long requests() {
    return requests.sum();
  }

  public long served() {
    return servedMs.getTotalCount();
  }

  public long lagPercentile(double percentile) {
    return lagMs.getValueAtPercentile(percentile);
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("requests", requests.sum());
    ObjectNode faults = node.putObject("faults");
    faults.put("unavailable", unavailable.sum());
    faults.put("resets", resets.sum());
    faults.put("stalls", stalls.sum());
    node.put("answersTimed", servedMs.getTotalCount());
    node.set("configuredDelayMs", summary(configuredDelayMs));
    node.set("servedMs", summary(servedMs));
    node.set("lagMs", summary(lagMs));
    return node;
  }

  /** Everything this endpoint counted, histograms whole: what another replica adds up with {@link #add}. */
  ObjectNode snapshot() {
    ObjectNode node = Json.object();
    node.put("requests", requests.sum()).put("unavailable", unavailable.sum()).put("resets", resets.sum())
        .put("stalls", stalls.sum());
    node.put("configuredDelayMs", HistogramCodec.encode(configuredDelayMs))
        .put("servedMs", HistogramCodec.encode(servedMs)).put("lagMs", HistogramCodec.encode(lagMs));
    return node;
  }

  void add(com.fasterxml.jackson.databind.JsonNode snapshot) {
    requests.add(snapshot.path("requests").asLong());
    unavailable.add(snapshot.path("unavailable").asLong());
    resets.add(snapshot.path("resets").asLong());
    stalls.add(snapshot.path("stalls").asLong());
    HistogramCodec.addTo(configuredDelayMs, snapshot.path("configuredDelayMs").asText());
    HistogramCodec.addTo(servedMs, snapshot.path("servedMs").asText());
    HistogramCodec.addTo(lagMs, snapshot.path("lagMs").asText());
  }

  static ObjectNode summary(Histogram histogram) {
    ObjectNode node = Json.object();
    if (histogram.getTotalCount() == 0) {
      return node;
    }
    node.put("mean", Math.round(histogram.getMean() * 10) / 10.0);
    node.put("p50", histogram.getValueAtPercentile(50));
    node.put("p95", histogram.getValueAtPercentile(95));
    node.put("p99", histogram.getValueAtPercentile(99));
    node.put("max", histogram.getMaxValue());
    return node;
  }

  private static long clamp(long value) {
    return Math.max(0, Math.min(value, MAX_MS));
  }
}
