package dev.idvharness.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/** The harness's one HTTP client layer: a JSON-over-HTTP call with a per-request timeout, optionally over (m)TLS; every call becomes an {@link Exchange}. */
public final class VendorHttp {

  /**
   * Observers of every exchange of every instance in this JVM, besides each instance's own: empty unless a test adds
   * one. The test suite adds one that checks each stub answer against docs/openapi/idv-stubs.json.
   */
  private static final List<Consumer<Exchange>> EVERY_EXCHANGE = new CopyOnWriteArrayList<>();

  private final HttpClient client;
  private final Duration timeout;
  private final Consumer<Exchange> observer;

  public VendorHttp(Duration timeout, SSLContext tls) {
    this(timeout, tls, exchange -> { });
  }

  /** {@code observer} sees every exchange with an HTTP answer (the drift recorder of a conformance run). */
  public VendorHttp(Duration timeout, SSLContext tls, Consumer<Exchange> observer) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
    this.timeout = timeout;
    this.observer = observer;
  }

  public Exchange post(URI uri, Map<String, String> headers, String body) {
    return post(uri, headers, body, timeout);
  }

  /** A POST that gives up after {@code limit} (capped at the configured timeout): loops pass what is left of their deadline. */
  public Exchange post(URI uri, Map<String, String> headers, String body, Duration limit) {
    return send("POST", uri, headers, body, limit);
  }

  /** Any method; {@code body} null sends none. Every HTTP call of the harness goes through here. */
  public Exchange send(String method, URI uri, Map<String, String> headers, String body, Duration limit) {
    return exchange(method, uri, List.copyOf(headers.entrySet()),
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), body, limit);
  }

  /**
   * The body bytes exactly as given (invalid UTF-8 included) and the headers in their order, a name sent as often as
   * it is listed: for hostile requests. The exchange shows the body as UTF-8 and, of a repeated header, the last value.
   */
  public Exchange sendBytes(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
      Duration limit) {
    return exchange(method, uri, headers,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body),
        body == null ? null : new String(body, StandardCharsets.UTF_8), limit);
  }

  /** A body of unknown length, sent chunked (no Content-Length): for the body-size limit's tests. */
  public Exchange sendStream(String method, URI uri, List<Map.Entry<String, String>> headers,
      java.util.function.Supplier<java.io.InputStream> body, Duration limit) {
    return exchange(method, uri, headers, HttpRequest.BodyPublishers.ofInputStream(body), "(a streamed body)", limit);
  }

  private Exchange exchange(String method, URI uri, List<Map.Entry<String, String>> headers,
      HttpRequest.BodyPublisher body, String shownBody, Duration limit) {
    Duration requestTimeout = limit.compareTo(timeout) < 0 ? limit : timeout;
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout.isZero() || requestTimeout.isNegative() ? Duration.ofMillis(1) : requestTimeout)
        .method(method, body);
    Map<String, String> sent = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      request.header(header.getKey(), header.getValue());
      sent.put(header.getKey(), header.getValue());
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Exchange exchange = new Exchange(method, uri, sent, shownBody, response.statusCode(), response.headers().map(),
          response.body(), Duration.ofNanos(System.nanoTime() - start));
      observer.accept(exchange);
      EVERY_EXCHANGE.forEach(every -> every.accept(exchange));
      return exchange;
    } catch (IOException e) {
      throw new TransportFailure(method + " " + uri, e,
          e instanceof HttpTimeoutException && limit.compareTo(timeout) < 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportFailure(method + " " + uri + " interrupted", e);
    }
  }

  /** For tests: {@code observer} sees every exchange with an HTTP answer of every instance, from now on. */
  public static void observeEveryExchange(Consumer<Exchange> observer) {
    EVERY_EXCHANGE.add(observer);
  }

  public Duration timeout() {
    return timeout;
  }
}
