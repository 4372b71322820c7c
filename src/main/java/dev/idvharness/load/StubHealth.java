package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.StubAdminClient;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local stub server's own account of a run: per endpoint, how much later than configured it answered (lag p99)
 * and over how many answers. A large lag means the stub was saturated, so the run measured the stub, not a vendor.
 * {@code error} is set when the stats could not be read.
 */
public record StubHealth(Map<String, Lag> endpoints, String error) {

  /**
   * Below this many answers an endpoint's p99 is its slowest answer or close to it (a cold JVM's first requests),
   * which says nothing about saturation: such an endpoint is not judged.
   */
  public static final long MIN_SAMPLES = 200;

  /** One endpoint's lag p99 and the number of answers it was measured on. */
  public record Lag(long p99Ms, long samples) {}

  public StubHealth {
    endpoints = new TreeMap<>(endpoints);
  }

  public static StubHealth read(StubAdminClient stub) {
    try {
      return parse(stub.stats());
    } catch (RuntimeException unreadable) {
      return new StubHealth(Map.of(), "stub stats unreadable: " + unreadable.getMessage());
    }
  }

  /**
   * Reads {@code GET /__admin/idv/stats}: {@code endpoints.<name>.lagMs.p99} over {@code answersTimed}. Replicas on
   * a shared session store are judged each on its own ({@code "<name> on replica <id>"}): one saturated replica must
   * not hide in the others' merged figures.
   */
  public static StubHealth parse(JsonNode stats) {
    Map<String, Lag> lag = new TreeMap<>();
    JsonNode replicas = stats.path("replicas");
    if (replicas.size() > 1) {
      replicas.forEach(replica -> read(replica.path("endpoints"), " on replica " + replica.path("id").asText(), lag));
    } else {
      read(stats.path("endpoints"), "", lag);
    }
    return new StubHealth(lag, null);
  }

  private static void read(JsonNode endpoints, String suffix, Map<String, Lag> lag) {
    endpoints.fields().forEachRemaining(entry -> {
      JsonNode p99 = entry.getValue().path("lagMs").path("p99");
      if (p99.isNumber()) {
        JsonNode timed = entry.getValue().path("answersTimed");
        long samples = timed.isNumber() ? timed.asLong() : entry.getValue().path("requests").asLong();
        lag.put(entry.getKey() + suffix, new Lag(p99.asLong(), samples));
      }
    });
  }

  /** The judged endpoint (enough answers) with the largest lag p99, or null when none has enough. */
  public Map.Entry<String, Lag> worst() {
    return endpoints.entrySet().stream().filter(entry -> entry.getValue().samples() >= MIN_SAMPLES)
        .max(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Lag::p99Ms))).orElse(null);
  }

  /** The highest lag p99 of any endpoint, however few its answers, or -1 when nothing was served (progress, charts). */
  public long highestLagP99Ms() {
    return endpoints.values().stream().mapToLong(Lag::p99Ms).max().orElse(-1);
  }

  /** Every endpoint's lag p99 in ms, for the report. */
  public Map<String, Long> lagP99Ms() {
    Map<String, Long> p99 = new TreeMap<>();
    endpoints.forEach((name, lag) -> p99.put(name, lag.p99Ms()));
    return p99;
  }

  public long samples() {
    return endpoints.values().stream().mapToLong(Lag::samples).sum();
  }
}
