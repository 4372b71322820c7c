package dev.idvharness.client;

import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Test fixture: the repository's stub server on a free port with the no-delay profile, and its admin API. */
final class LocalStub implements AutoCloseable {

  static final String ACME_CID = "acme-bank";
  static final String ACME_KEY = "iv-stub-key-acme-0001";
  static final String PASSWORD = "Stub-Passw0rd!";

  final StubServer server = StubServer.start(StubOptions.defaults().withProfile(Path.of("stubs/profiles/none.json")));
  final VendorHttp http = new VendorHttp(Duration.ofSeconds(10), null);

  CyberArkClient cyberArk() {
    return new CyberArkClient(http, server.baseUrl(), "ABC1234");
  }

  IronVestClient ironVest() {
    return new IronVestClient(http, server.baseUrl(), ACME_KEY);
  }

  /** Replaces the live profile through the admin API, e.g. to make 503s carry Retry-After: 0. */
  void putProfile(String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/idv/profile"))
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("profile refused: " + response.body());
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
