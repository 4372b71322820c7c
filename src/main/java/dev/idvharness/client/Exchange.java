package dev.idvharness.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its answer as seen on the wire. {@link #describe()} is what failure messages and reports show:
 * secrets masked, long bodies cut.
 */
public record Exchange(
    String method,
    URI uri,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Duration elapsed) {

  private static final int SHOWN_BODY_CHARS = 2_000;

  /** An answer seen by another HTTP engine (the Gatling chains): what the loop rules need to judge it. */
  public static Exchange received(URI uri, int status, Map<String, List<String>> headers, String body) {
    return new Exchange("POST", uri, Map.of(), null, status, headers, body, Duration.ZERO);
  }

  public Optional<String> responseHeader(String name) {
    return responseHeaders.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst();
  }

  public String contentType() {
    return responseHeader("Content-Type").orElse("(none)");
  }

  /** The request and the response, masked, for a failure message or a report attachment. */
  public String describe() {
    return "request:  " + method + " " + uri + " " + Redaction.headers(requestHeaders) + "\n"
        + "          " + cut(Redaction.body(requestBody)) + "\n"
        + "response: HTTP " + status + " " + contentType() + retryAfter() + "\n"
        + "          " + cut(Redaction.body(responseBody));
  }

  private String retryAfter() {
    return responseHeader("Retry-After").map(value -> " Retry-After: " + value).orElse("");
  }

  private static String cut(String text) {
    if (text == null || text.isEmpty()) {
      return "(empty body)";
    }
    return text.length() <= SHOWN_BODY_CHARS ? text : text.substring(0, SHOWN_BODY_CHARS) + "... (cut)";
  }
}
