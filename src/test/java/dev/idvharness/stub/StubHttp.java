package dev.idvharness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Test helper: a stub server on a free port and a plain HTTP client that talks to it. */
public final class StubHttp implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String CYBERARK_START = "/CDirectoryService/StartAuthentication";
  public static final String CYBERARK_SEND = "/CDirectoryService/SendIdentityVerification";
  public static final String IRONVEST_VALIDATE = "/v1/validate";
  public static final String ACME_KEY = "iv-stub-key-acme-0001";

  private final StubServer server;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private StubHttp(StubServer server) {
    this.server = server;
  }

  /** The repository's stubs/ with the no-delay profile: fast and deterministic. */
  public static StubHttp start() {
    return start(StubOptions.defaults().withProfile(Path.of("stubs/profiles/none.json")));
  }

  public static StubHttp start(StubOptions options) {
    return new StubHttp(StubServer.start(options));
  }

  public StubServer server() {
    return server;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** POST with Content-Type application/json and extra header name/value pairs. */
  public HttpResponse<String> post(String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
  }

  public JsonNode postJson(String path, String body, String... headers) {
    return parse(post(path, body, headers).body());
  }

  public JsonNode getJson(String path) {
    return parse(get(path).body());
  }

  public static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** JSON text from a template with single quotes, so test bodies stay readable. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Override
  public void close() {
    server.close();
  }
}
