package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.TransportFailure;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.tls.TlsMaterial;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IronVest's mTLS variant: the HTTPS port answers only clients with a certificate from the generated CA. */
class StubMtlsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().https(true).build();

  @Test
  void aClientWithTheGeneratedCertificateIsServed() {
    TlsMaterial tls = stub.server().tls();

    Exchange response = validate(tls.clientContext(tls.clientKeyStore()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.responseBody()).contains("processing");
  }

  @Test
  void aClientWithoutCertificateIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertRefused(tls.clientContext(null));
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertRefused(tls.clientContext(tls.foreignClientKeyStore()));
  }

  @Test
  void anExpiredCertificateIsRefused() {
    TlsMaterial tls = stub.server().tls();

    assertRefused(tls.clientContext(tls.expiredClientKeyStore()));
  }

  /** Refused in the handshake: an I/O failure, and not a hang. */
  private static void assertRefused(SSLContext context) {
    assertThatThrownBy(() -> validate(context))
        .isInstanceOf(TransportFailure.class)
        .hasCauseInstanceOf(IOException.class)
        .satisfies(failure -> assertThat(failure.getCause()).isNotInstanceOf(HttpTimeoutException.class));
  }

  /** A client of its own per call: a pooled, already authenticated connection would hide the handshake. */
  private static Exchange validate(SSLContext context) {
    return new VendorHttp(Duration.ofSeconds(10), context).post(
        URI.create(stub.httpsBaseUrl() + IronVestApi.VALIDATE),
        IronVestClient.headers(stub.data().requireApiKeyOf("acme-bank")),
        json("{'cid':'acme-bank','csid':'mtls-1','uid':'u1','additionalData':{'sessionData':[]}}"));
  }
}
