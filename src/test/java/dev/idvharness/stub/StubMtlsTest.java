package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.ACME_KEY;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.stub.tls.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IronVest's mTLS variant: the HTTPS port answers only clients with a certificate from the generated CA. */
class StubMtlsTest {

  @TempDir
  static Path tlsDir;

  private static StubHttp stub;

  @BeforeAll
  static void start() {
    stub = StubHttp.start(StubOptions.defaults()
        .withProfile(Path.of("stubs/profiles/none.json"))
        .withHttps(0, true, tlsDir));
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void aClientWithTheGeneratedCertificateIsServed() throws Exception {
    TlsMaterial tls = stub.server().tls();

    HttpResponse<String> response = validate(tls.clientContext(tls.clientKeyStore()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("processing");
  }

  @Test
  void aClientWithoutCertificateIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertThatThrownBy(() -> validate(tls.clientContext(null)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertThatThrownBy(() -> validate(tls.clientContext(tls.foreignClientKeyStore())))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void anExpiredCertificateIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertThatThrownBy(() -> validate(tls.clientContext(tls.expiredClientKeyStore())))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
  }

  private static HttpResponse<String> validate(SSLContext context) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(stub.server().httpsBaseUrl() + StubHttp.IRONVEST_VALIDATE))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("apikey", ACME_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(
            json("{'cid':'acme-bank','csid':'mtls-1','uid':'u1','additionalData':{'sessionData':[]}}")))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
