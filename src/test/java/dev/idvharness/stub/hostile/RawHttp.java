package dev.idvharness.stub.hostile;

import dev.idvharness.client.VendorHttp;
import dev.idvharness.junit.IdvStubExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sends {@link RawRequest}s to the stub through {@link VendorHttp}, headers as listed and body bytes untouched. */
final class RawHttp {

  /** Far above any answer of a healthy stub: a request that takes this long is a hang, and fails the case. */
  private static final Duration HANG = Duration.ofSeconds(20);

  private final IdvStubExtension stub;

  RawHttp(IdvStubExtension stub) {
    this.stub = stub;
  }

  HttpAnswer send(RawRequest request) {
    List<Map.Entry<String, String>> headers = request.headers().stream()
        .map(header -> Map.entry(header.name(), header.value())).toList();
    // a client per request: a connection the server closed after an earlier hostile case must not be reused
    VendorHttp http = new VendorHttp(HANG, null);
    return new HttpAnswer(http.sendBytes(request.method(), URI.create(stub.baseUrl() + request.path()), headers,
        request.body(), HANG));
  }
}
