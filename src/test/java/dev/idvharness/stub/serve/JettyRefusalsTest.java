package dev.idvharness.stub.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Jetty refuses before WireMock sees them, written on a raw socket as no HTTP client would send them: each
 * gets a small JSON answer with the status's reason phrase, never Jetty's HTML page nor its reason, and the server
 * keeps serving.
 */
class JettyRefusalsTest {

  private static StubServer stub;

  @BeforeAll
  static void start() {
    stub = StubServer.start(StubOptions.defaults());
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a request line that is not one | GARBAGE | 400 | Bad Request",
      "an unknown HTTP version | GET /v1/validate HTTP/9.9 | 505 | HTTP Version Not Supported",
      "a NUL in the request line | POST /v1/validate\u0000 HTTP/1.1 | 400 | Bad Request",
      "an encoded NUL in the path | POST /v1/validate%00 HTTP/1.1 | 400 | Bad Request"})
  void aRequestLineJettyCannotParseGetsJson(String name, String requestLine, int status, String phrase)
      throws IOException {
    String answer = exchange((requestLine + "\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}")
        .getBytes(StandardCharsets.ISO_8859_1));

    assertRefusal(answer, status, phrase);
  }

  @Test
  void headersOverTheLimitGetJsonWithoutAnEcho() throws IOException {
    // sent in full before the answer is read: the 431 comes while nothing is left to write
    String answer = exchange(("POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hostile: <script>"
        + "x".repeat(40_000) + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));

    assertRefusal(answer, 431, "Request Header Fields Too Large");
    assertThat(answer).doesNotContain("<script>").hasSizeLessThan(1_000);
  }

  private static void assertRefusal(String answer, int status, String phrase) throws IOException {
    assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
    assertThat(head).contains("content-type: application/json").doesNotContain("text/html");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
        .isEqualTo("{\"success\":false,\"error\":\"" + phrase + "\"}");
    assertThat(exchange(("GET /no/such/path HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1))).as("the server keeps serving").startsWith("HTTP/1.1 404 ");
  }

  /** Writes the bytes, then reads until the server closes the connection (every refusal closes it). */
  private static String exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", stub.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException closedWhileWriting) {
        // the refusal may come before the last bytes are written: read what was answered
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (SocketException reset) {
        // a reset after the answer: what was read is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
