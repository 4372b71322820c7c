package dev.idvharness.stub.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.stub.StubHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What the stub server answered a hostile request, as the checks look at it. */
record HttpAnswer(Exchange exchange) {

  int status() {
    return exchange.status();
  }

  String text() {
    return exchange.responseBody() == null ? "" : exchange.responseBody();
  }

  /** The body as UTF-8 bytes, what the size limits count. */
  byte[] body() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  Optional<String> header(String name) {
    return exchange.responseHeader(name);
  }

  String contentType() {
    return header("Content-Type").orElse("");
  }

  /** The body as JSON; fails the test, quoting the start of the body, when it is not. */
  JsonNode json() {
    try {
      return StubHttp.JSON.readTree(text());
    } catch (IOException notJson) {
      throw new AssertionError("not JSON: " + snippet(), notJson);
    }
  }

  /** The start of the body, for failure messages (a 10 MB echo must not flood the report). */
  String snippet() {
    String text = text();
    return "HTTP " + status() + " "
        + (text.length() > 300 ? text.substring(0, 300) + "... (" + body().length + " bytes)" : text);
  }

  @Override
  public String toString() {
    return snippet();
  }
}
