package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local stub server's own account of a run: per endpoint, how much later than configured it answered
 * (lag p99). A large lag means the stub was saturated, so the run measured the stub, not a vendor.
 * {@code error} is set when the stats could not be read.
 */
public record StubHealth(Map<String, Long> lagP99Ms, String error) {

  public static StubHealth read(String statsUrl) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(statsUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new StubHealth(Map.of(), "stub stats answered HTTP " + response.statusCode());
      }
      return parse(new ObjectMapper().readTree(response.body()));
    } catch (IOException e) {
      return new StubHealth(Map.of(), "stub stats unreadable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StubHealth(Map.of(), "interrupted while reading the stub stats");
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
