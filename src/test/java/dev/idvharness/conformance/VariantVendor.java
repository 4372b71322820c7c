package dev.idvharness.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Test helper: a vendor that is the stub server seen through a change of its answers (a field added, a field
 * dropped, another type, another status...), on a free port of the loopback. It stands for a vendor that keeps or
 * breaks documented rules in a chosen way.
 */
final class VariantVendor implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "upgrade",
      "http2-settings", "transfer-encoding", "expect");

  /** What the vendor answers: the stub's answer, changed in place by a variation. */
  static final class Answer {
    final String path;
    final String requestBody;
    int status;
    String contentType;
    String retryAfter;
    String body;

    Answer(String path, String requestBody, Exchange stub) {
      this.path = path;
      this.requestBody = requestBody;
      this.status = stub.status();
      this.contentType = stub.responseHeader("Content-Type").orElse(null);
      this.retryAfter = stub.responseHeader("Retry-After").orElse(null);
      this.body = stub.responseBody();
    }

    /** The body as a JSON object to change, written back after {@code change}; nothing when it is not one. */
    void json(Consumer<ObjectNode> change) {
      try {
        JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
        if (node instanceof ObjectNode object) {
          change.accept(object);
          body = JSON.writeValueAsString(object);
        }
      } catch (IOException notJson) {
        // not JSON: left as it is
      }
    }

    boolean isValidate() {
      return path.endsWith("/validate");
    }
  }

  private final HttpServer server;
  private final VendorHttp http = new VendorHttp(Duration.ofSeconds(10), null);
  private final String upstream;
  private final Consumer<Answer> variation;

  private VariantVendor(String upstream, Consumer<Answer> variation) throws IOException {
    this.upstream = upstream;
    this.variation = variation;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  static VariantVendor start(String stubBaseUrl, Consumer<Answer> variation) {
    try {
      return new VariantVendor(stubBaseUrl, variation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange request) throws IOException {
    try (request) {
      byte[] body = request.getRequestBody().readAllBytes();
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      request.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> headers.add(Map.entry(name, value)));
        }
      });
      String path = request.getRequestURI().getPath();
      Exchange stub = http.sendBytes(request.getRequestMethod(), URI.create(upstream + request.getRequestURI()),
          headers, body, Duration.ofSeconds(10));
      Answer answer = new Answer(path, new String(body, StandardCharsets.UTF_8), stub);
      variation.accept(answer);
      if (answer.contentType != null) {
        request.getResponseHeaders().set("Content-Type", answer.contentType);
      }
      if (answer.retryAfter != null) {
        request.getResponseHeaders().set("Retry-After", answer.retryAfter);
      }
      byte[] out = answer.body == null ? new byte[0] : answer.body.getBytes(StandardCharsets.UTF_8);
      request.sendResponseHeaders(answer.status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream stream = request.getResponseBody()) {
          stream.write(out);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
