package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.StubAdminClient;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local stub server's own account of a run: per endpoint, how much later than configured it answered
 * (lag p99). A large lag means the stub was saturated, so the run measured the stub, not a vendor.
 * {@code error} is set when the stats could not be read.
 */
public record StubHealth(Map<String, Long> lagP99Ms, String error) {

  public static StubHealth read(StubAdminClient stub) {
    try {
      return parse(stub.stats());
    } catch (RuntimeException unreadable) {
      return new StubHealth(Map.of(), "stub stats unreadable: " + unreadable.getMessage());
    }
  }

  /** Reads {@code GET /__admin/idv/stats}: {@code endpoints.<name>.lagMs.p99}. */
  public static StubHealth parse(JsonNode stats) {
    Map<String, Long> lag = new TreeMap<>();
    stats.path("endpoints").fields().forEachRemaining(entry -> {
      JsonNode p99 = entry.getValue().path("lagMs").path("p99");
      if (p99.isNumber()) {
        lag.put(entry.getKey(), p99.asLong());
      }
    });
    return new StubHealth(lag, null);
  }

  /** The endpoint with the largest lag p99, or null when nothing was served. */
  public Map.Entry<String, Long> worst() {
    return lagP99Ms.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
  }
}
