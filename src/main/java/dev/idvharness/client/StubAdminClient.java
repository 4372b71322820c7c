package dev.idvharness.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The stub server's admin API ({@code /__admin/idv/}) from Java: the live profile, statistics (lag, poll discipline),
 * one session's polls, and a reset. Used by the JUnit extension, the load runs and the tests; a refused call throws
 * with the stub's one-line answer.
 */
public final class StubAdminClient {

  private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

  private final VendorHttp http;
  private final String adminUrl;
  private final Map<String, String> headers;

  public StubAdminClient(String stubBaseUrl) {
    this(stubBaseUrl, null);
  }

  /** @param adminToken the stub's admin token ({@code --admin-token}), or null when its admin API is open */
  public StubAdminClient(String stubBaseUrl, String adminToken) {
    this(stubBaseUrl, adminToken, new VendorHttp(Duration.ofSeconds(10), null));
  }

  public StubAdminClient(String stubBaseUrl, String adminToken, VendorHttp http) {
    this.http = http;
    this.adminUrl = stubBaseUrl.replaceAll("/+$", "") + "/__admin/idv";
    this.headers = adminToken == null ? Map.of() : Map.of("Authorization", "Token " + adminToken);
    if (adminToken != null) {
      Redaction.register(java.util.List.of(adminToken));
    }
  }

  /** {@code GET /__admin/idv/profile}. */
  public JsonNode profile() {
    return json(call("GET", "/profile", null));
  }

  /** {@code PUT /__admin/idv/profile}: replaces the whole live profile. */
  public JsonNode putProfile(String profileJson) {
    return json(call("PUT", "/profile", profileJson));
  }

  /** {@code PUT /__admin/idv/profile/endpoints/{name}}: one endpoint's {@code {delay, faults}}. */
  public JsonNode putEndpoint(String endpoint, String endpointJson) {
    return json(call("PUT", "/profile/endpoints/" + encode(endpoint), endpointJson));
  }

  /** {@code GET /__admin/idv/stats}: per endpoint requests, faults, delay, serve time and lag; poll discipline. */
  public JsonNode stats() {
    return json(call("GET", "/stats", null));
  }

  /**
   * {@code GET /__admin/idv/clients}: what each client did wrong as the stub saw it (early polls, abandoned sessions,
   * refused requests sent again, calls after the end, refusals by reason).
   */
  public StubClientReport clients() {
    return new StubClientReport(json(call("GET", "/clients", null)));
  }

  /** A CyberArk session's polls, early polls and gaps. */
  public JsonNode cyberArkSession(String sessionId) {
    return json(call("GET", "/sessions/cyberark/" + encode(sessionId), null));
  }

  /** An IronVest csid's calls, early calls and gaps. */
  public JsonNode ironVestSession(String csid) {
    return json(call("GET", "/sessions/ironvest/" + encode(csid), null));
  }

  /** {@code POST /__admin/idv/reset}: forgets statistics, sessions and run-time enrolments. */
  public void reset() {
    call("POST", "/reset", "");
  }

  /** {@code POST /__admin/idv/stats/reset}: forgets statistics only; sessions carry on (the end of a warm-up). */
  public void resetStats() {
    call("POST", "/stats/reset", "");
  }

  /** Any admin call, whatever it answers: for tests of the admin API itself. */
  public Exchange send(String method, String path, String body) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    if (body != null) {
      all.putAll(JSON_HEADERS);
    }
    return http.send(method, URI.create(adminUrl + path), all, body, http.timeout());
  }

  private Exchange call(String method, String path, String body) {
    Exchange exchange = send(method, path, body);
    if (exchange.status() != 200) {
      throw new IllegalStateException(method + " " + adminUrl + path + " answered HTTP " + exchange.status() + ": "
          + exchange.responseBody());
    }
    return exchange;
  }

  private static JsonNode json(Exchange exchange) {
    try {
      return HarnessJson.MAPPER.readTree(exchange.responseBody());
    } catch (IOException e) {
      throw new UncheckedIOException("the stub's admin API answered no JSON: " + exchange.responseBody(), e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
