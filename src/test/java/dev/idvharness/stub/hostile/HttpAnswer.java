package dev.idvharness.stub.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.StubHttp;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** What the stub server answered, kept as bytes so that the checks see exactly what went out. */
record HttpAnswer(int status, HttpHeaders headers, byte[] body) {

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  /** The body as JSON; fails the test, quoting the start of the body, when it is not. */
  JsonNode json() {
    try {
      return StubHttp.JSON.readTree(body);
    } catch (IOException notJson) {
      throw new AssertionError("not JSON: " + snippet(), notJson);
    }
  }

  /** The start of the body, for failure messages (a 10 MB echo must not flood the report). */
  String snippet() {
    String text = text();
    return "HTTP " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text);
  }

  @Override
  public String toString() {
    return snippet();
  }
}
