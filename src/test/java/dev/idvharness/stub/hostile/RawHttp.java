package dev.idvharness.stub.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends {@link RawRequest}s over HTTP/1.1 with the JDK client, body bytes untouched. */
final class RawHttp {

  /** Far above any answer of a healthy stub: a request that takes this long is a hang, and fails the case. */
  private static final Duration HANG = Duration.ofSeconds(20);

  private final String baseUrl;

  RawHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpAnswer send(RawRequest request) {
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
        .timeout(HANG)
        .method(request.method(), body);
    request.headers().forEach(header -> builder.header(header.name(), header.value()));
    // a client per request: a connection the server closed after an earlier hostile case must not be reused
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    try {
      HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HttpAnswer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.path() + " got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
