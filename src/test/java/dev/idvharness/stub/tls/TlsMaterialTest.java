package dev.idvharness.stub.tls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.TransportFailure;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.stub.openapi.OffDescription;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@OffDescription("a plain WireMock server with the generated certificates answers, not the stub")
class TlsMaterialTest {

  @TempDir static Path dir;

  private static TlsMaterial material;

  @BeforeAll
  static void generateOnce() {
    long start = System.nanoTime();
    material = TlsMaterial.generate(dir);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("TlsMaterial.generate() cold: " + millis + " ms");
    // Generated at every stub start-up, so it must stay cheap.
    assertThat(millis).isLessThan(5_000);
    // BouncyCastle only builds certificates; the JDK providers do all the crypto.
    assertThat(Security.getProvider("BC")).isNull();
  }

  @Test
  void allFilesExistAndLoad() throws Exception {
    assertThat(dir.resolve("ca.pem")).isEqualTo(material.caCertPem()).isRegularFile();
    assertThat(dir.resolve("server.p12")).isEqualTo(material.serverKeyStore()).isRegularFile();
    assertThat(dir.resolve("truststore.p12")).isEqualTo(material.trustStore()).isRegularFile();
    assertThat(dir.resolve("client.p12")).isEqualTo(material.clientKeyStore()).isRegularFile();
    assertThat(dir.resolve("client.pem")).isEqualTo(material.clientCertPem()).isRegularFile();
    assertThat(dir.resolve("client-key.pem")).isEqualTo(material.clientKeyPem()).isRegularFile();
    assertThat(dir.resolve("foreign-client.p12"))
        .isEqualTo(material.foreignClientKeyStore())
        .isRegularFile();
    assertThat(dir.resolve("expired-client.p12"))
        .isEqualTo(material.expiredClientKeyStore())
        .isRegularFile();

    for (Path keyStore :
        List.of(
            material.serverKeyStore(),
            material.clientKeyStore(),
            material.foreignClientKeyStore(),
            material.expiredClientKeyStore())) {
      KeyStore store = load(keyStore);
      String alias = store.aliases().nextElement();
      assertThat(store.getKey(alias, TlsMaterial.PASSWORD.toCharArray()))
          .as(keyStore.toString())
          .isInstanceOf(PrivateKey.class);
      assertThat(store.getCertificateChain(alias)).as(keyStore.toString()).hasSize(2);
    }

    KeyStore trust = load(material.trustStore());
    assertThat(trust.size()).isEqualTo(1);
    String alias = trust.aliases().nextElement();
    assertThat(trust.isCertificateEntry(alias)).isTrue();
    assertThat(trust.getCertificate(alias)).isEqualTo(caCert());

    // The PEM files are the same client identity as client.p12.
    assertThat(readPemCert(material.clientCertPem())).isEqualTo(leaf(material.clientKeyStore()));
    String keyPem = Files.readString(material.clientKeyPem(), StandardCharsets.US_ASCII);
    assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(keyPem).endsWith("-----END PRIVATE KEY-----\n");
    String base64 =
        keyPem
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    PrivateKey pemKey =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    assertThat(pemKey)
        .isEqualTo(
            load(material.clientKeyStore())
                .getKey(
                    load(material.clientKeyStore()).aliases().nextElement(),
                    TlsMaterial.PASSWORD.toCharArray()));
  }

  @Test
  void certificatesHaveTheIntendedShape() throws Exception {
    X509Certificate ca = caCert();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0); // CA:true
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    ca.checkValidity();

    X509Certificate server = leaf(material.serverKeyStore());
    assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
    List<String> sans = new ArrayList<>();
    for (List<?> san : server.getSubjectAlternativeNames()) {
      sans.add(String.valueOf(san.get(1)));
    }
    assertThat(sans).contains("localhost", "127.0.0.1");
    assertThat(sans).anyMatch(s -> s.equals("0:0:0:0:0:0:0:1") || s.equals("::1"));
    server.verify(ca.getPublicKey());
    server.checkValidity();

    X509Certificate client = leaf(material.clientKeyStore());
    assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=idv-harness-client");
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // clientAuth
    client.checkValidity();
  }

  @Test
  void clientCertificateVerifiesAgainstTheLocalCa() throws Exception {
    leaf(material.clientKeyStore()).verify(caCert().getPublicKey());
  }

  @Test
  void foreignClientCertificateDoesNotVerifyAgainstTheLocalCa() throws Exception {
    X509Certificate foreign = leaf(material.foreignClientKeyStore());
    assertThatThrownBy(() -> foreign.verify(caCert().getPublicKey()))
        .isInstanceOf(SignatureException.class);
    foreign.checkValidity(); // refused for its issuer, not for its dates
  }

  @Test
  void expiredClientCertificateIsFromTheLocalCaButExpired() throws Exception {
    X509Certificate expired = leaf(material.expiredClientKeyStore());
    expired.verify(caCert().getPublicKey()); // refused for its dates, not for its issuer
    assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
  }

  @Test
  void generatingAgainReusesTheFiles() throws Exception {
    X509Certificate before = caCert();
    long modified = Files.getLastModifiedTime(material.serverKeyStore()).toMillis();

    TlsMaterial again = TlsMaterial.generate(dir);

    assertThat(again.caCertPem()).isEqualTo(material.caCertPem());
    assertThat(caCert().getSerialNumber()).isEqualTo(before.getSerialNumber());
    assertThat(Files.getLastModifiedTime(material.serverKeyStore()).toMillis()).isEqualTo(modified);
  }

  @Test
  void incompleteMaterialIsRegenerated(@TempDir Path other) throws Exception {
    TlsMaterial first = TlsMaterial.generate(other);
    X509Certificate firstCa = readPemCert(first.caCertPem());
    Files.delete(first.clientKeyStore());

    TlsMaterial second = TlsMaterial.generate(other);

    assertThat(second.clientKeyStore()).isRegularFile();
    X509Certificate secondCa = readPemCert(second.caCertPem());
    assertThat(secondCa.getSerialNumber()).isNotEqualTo(firstCa.getSerialNumber());
    leaf(second.serverKeyStore()).verify(secondCa.getPublicKey());
  }

  @Test
  void generateFailsWithAClearMessage(@TempDir Path other) throws Exception {
    Path notADirectory = Files.writeString(other.resolve("file"), "x");
    assertThatThrownBy(() -> TlsMaterial.generate(notADirectory))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot generate TLS material in " + notADirectory);
  }

  // ---------------------------------------------------------------------------------------------
  // End to end: a real WireMock server requiring client certificates

  private static WireMockServer server;

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  private static synchronized int httpsPort() {
    if (server == null) {
      server =
          new WireMockServer(
              WireMockConfiguration.options()
                  .bindAddress("127.0.0.1")
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .keystorePath(material.serverKeyStore().toString())
                  .keystorePassword(TlsMaterial.PASSWORD)
                  .keyManagerPassword(TlsMaterial.PASSWORD)
                  .keystoreType("PKCS12")
                  .trustStorePath(material.trustStore().toString())
                  .trustStorePassword(TlsMaterial.PASSWORD)
                  .trustStoreType("PKCS12")
                  .needClientAuth(true));
      server.start();
      server.stubFor(
          get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(200).withBody("pong")));
    }
    return server.httpsPort();
  }

  @Test
  void serverAcceptsTheLocalClientCertificate() throws Exception {
    Exchange response = ping(material.clientContext(material.clientKeyStore()));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.responseBody()).isEqualTo("pong");
  }

  @Test
  void serverRefusesAClientWithoutCertificate() {
    assertRefused(material.clientContext(null), "no client certificate");
  }

  @Test
  void serverRefusesAForeignClientCertificate() {
    assertRefused(material.clientContext(material.foreignClientKeyStore()), "foreign client");
  }

  @Test
  void serverRefusesAnExpiredClientCertificate() {
    assertRefused(material.clientContext(material.expiredClientKeyStore()), "expired client");
  }

  private static void assertRefused(SSLContext context, String label) {
    assertThatThrownBy(() -> ping(context))
        .as(label)
        .isInstanceOf(TransportFailure.class)
        .hasCauseInstanceOf(IOException.class) // SSLException is an IOException
        .satisfies(e -> assertThat(e.getCause()).isNotInstanceOf(HttpTimeoutException.class)) // a hang is not a refusal
        .satisfies(e -> System.out.println(label + " refused with: " + e.getCause()));
  }

  private static Exchange ping(SSLContext context) {
    int port = httpsPort();
    // A fresh client per call: HttpClient pools connections, and a pooled, already authenticated
    // connection would hide what the handshake does with this context.
    VendorHttp client = new VendorHttp(Duration.ofSeconds(10), context);
    return client.send("GET", URI.create("https://localhost:" + port + "/ping"), Map.of(), null, client.timeout());
  }

  // ---------------------------------------------------------------------------------------------

  private static KeyStore load(Path path) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, TlsMaterial.PASSWORD.toCharArray());
    }
    return store;
  }

  private static X509Certificate leaf(Path keyStore) throws Exception {
    KeyStore store = load(keyStore);
    return (X509Certificate) store.getCertificate(store.aliases().nextElement());
  }

  private static X509Certificate caCert() throws Exception {
    return readPemCert(material.caCertPem());
  }

  private static X509Certificate readPemCert(Path path) throws Exception {
    try (InputStream in = Files.newInputStream(path)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
