package dev.idvharness.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An mTLS client context from PEM text or PEM files, as a vendor hands them out: a certificate (chain) and a PKCS#8
 * private key (EC or RSA). Trusts the JVM's CAs, or only {@code caPem} when one is given (the local stub's CA).
 */
public final class PemTls {

  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** PEM text as given, or the content of the file it names. */
  public static String read(String pemOrPath) {
    if (pemOrPath.contains("-----BEGIN")) {
      return pemOrPath;
    }
    try {
      return Files.readString(Path.of(pemOrPath), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read PEM file " + pemOrPath + ": " + e.getMessage(), e);
    }
  }

  public static SSLContext context(String certificatePem, String privateKeyPem, String caPem) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      Certificate[] chain = certificates(certificatePem).toArray(Certificate[]::new);
      if (chain.length == 0) {
        throw new IllegalArgumentException("the client certificate PEM holds no certificate");
      }
      keys.setKeyEntry("client", privateKey(privateKeyPem), NO_PASSWORD, chain);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, NO_PASSWORD);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(caPem == null ? null : trustStore(caPem));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot build the mTLS context: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(String caPem) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int i = 0;
    for (Certificate ca : certificates(caPem)) {
      trust.setCertificateEntry("ca-" + i++, ca);
    }
    return trust;
  }

  private static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    if (!pem.contains("BEGIN PRIVATE KEY")) {
      throw new IllegalArgumentException("the client key must be PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException wrongAlgorithm) {
        last = wrongAlgorithm;
      }
    }
    throw last;
  }
}
