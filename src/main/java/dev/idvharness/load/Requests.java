package dev.idvharness.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.idvharness.json.HarnessJson;
import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.UncheckedIOException;
import java.util.Map;

/** The HTTP protocol shared by the simulations, and JSON request bodies. */
public final class Requests {

  private Requests() {}

  /**
   * Absolute URLs per request (a flow may call both vendors), pooled connections as a bank's backend keeps them,
   * and no warm-up call (Gatling's default warms up against a public site).
   */
  public static HttpProtocolBuilder protocol() {
    return HttpDsl.http
        .contentTypeHeader("application/json")
        .acceptHeader("application/json")
        .disableWarmUp()
        .shareConnections();
  }

  /** A JSON body with proper escaping; values may be secrets, so bodies are never logged. */
  static String json(Map<String, ?> fields) {
    try {
      return HarnessJson.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
