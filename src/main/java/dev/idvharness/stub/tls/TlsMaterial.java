package dev.idvharness.stub.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away TLS material for running the stub server with HTTPS and mutual TLS.
 *
 * <p>{@link #generate(Path)} writes, into a directory that is never committed, a local CA, a
 * server key store for {@code localhost}/{@code 127.0.0.1}/{@code ::1}, a trust store holding only
 * the local CA, a client key store (plus the same client certificate and key as PEM for tools such
 * as curl), and two client key stores the server must refuse: one signed by an unrelated CA and
 * one that has expired. All key stores are PKCS12 protected by {@link #PASSWORD}.
 *
 * <p>Keys are EC P-256 so that generation takes milliseconds, not seconds. Only the JDK's default
 * security providers are used (BouncyCastle merely builds the certificates), so the material loads
 * in any JVM without extra providers.
 */
public final class TlsMaterial {

  /** Password of every key store and key entry: local, throw-away stores; not a secret. */
  public static final String PASSWORD = "changeit";

  static final String CA_PEM = "ca.pem";
  static final String SERVER_P12 = "server.p12";
  static final String TRUSTSTORE_P12 = "truststore.p12";
  static final String CLIENT_P12 = "client.p12";
  static final String CLIENT_PEM = "client.pem";
  static final String CLIENT_KEY_PEM = "client-key.pem";
  static final String FOREIGN_CLIENT_P12 = "foreign-client.p12";
  static final String EXPIRED_CLIENT_P12 = "expired-client.p12";
  private static final String LOCK_FILE = ".lock";

  /** Alias of the key entry in every key store, and of the CA entry in the trust store. */
  private static final String KEY_ALIAS = "key";
  private static final String CA_ALIAS = "ca";

  private static final Duration VALIDITY = Duration.ofDays(30);
  /** Material expiring sooner than this is regenerated, so a run never starts on stale certs. */
  private static final Duration MIN_REMAINING = Duration.ofDays(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  private TlsMaterial(Path dir) {
    this.dir = dir;
  }

  /**
   * Generates the material into {@code dir}, or reuses it if all files already exist, belong
   * together and every certificate (but the deliberately expired one) is still valid for at least
   * one more day.
   *
   * <p>Safe to call repeatedly and concurrently: within a JVM the method is synchronized, across
   * JVMs a file lock in {@code dir} serialises generation, and every file is written to a temporary
   * file and then moved into place, so readers never see a half-written file.
   *
   * @throws IllegalStateException if the material can neither be reused nor generated
   */
  public static synchronized TlsMaterial generate(Path dir) {
    TlsMaterial material = new TlsMaterial(dir.toAbsolutePath());
    try {
      Files.createDirectories(material.dir);
      try (FileChannel channel =
              FileChannel.open(
                  material.dir.resolve(LOCK_FILE),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (!material.isReusable()) {
          material.writeAll();
        }
      }
      return material;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot generate TLS material in " + material.dir + ": " + e, e);
    }
  }

  /** PKCS12: server key and chain (CN=localhost, SAN localhost/127.0.0.1/::1), signed by the CA. */
  public Path serverKeyStore() {
    return dir.resolve(SERVER_P12);
  }

  /** PKCS12: the local CA certificate only; trusted by the server for clients and vice versa. */
  public Path trustStore() {
    return dir.resolve(TRUSTSTORE_P12);
  }

  /** PKCS12: the client key and certificate (CN=idv-harness-client), signed by the local CA. */
  public Path clientKeyStore() {
    return dir.resolve(CLIENT_P12);
  }

  /** PKCS12: a client key and certificate signed by an unrelated CA; the server must refuse it. */
  public Path foreignClientKeyStore() {
    return dir.resolve(FOREIGN_CLIENT_P12);
  }

  /** PKCS12: a client key and certificate signed by the local CA that expired yesterday. */
  public Path expiredClientKeyStore() {
    return dir.resolve(EXPIRED_CLIENT_P12);
  }

  /** The local CA certificate, PEM. */
  public Path caCertPem() {
    return dir.resolve(CA_PEM);
  }

  /** The client certificate, PEM. */
  public Path clientCertPem() {
    return dir.resolve(CLIENT_PEM);
  }

  /** The client private key, PEM (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}). */
  public Path clientKeyPem() {
    return dir.resolve(CLIENT_KEY_PEM);
  }

  /**
   * A client-side SSL context that trusts the local CA and presents the key in {@code keyStore}.
   *
   * @param keyStore one of the PKCS12 key stores above, or {@code null} for no client certificate
   * @throws IllegalStateException if the stores cannot be loaded
   */
  public SSLContext clientContext(Path keyStore) {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(trustStore()));
      KeyManagerFactory kmf = null;
      if (keyStore != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot build client SSL context from " + keyStore + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "TlsMaterial[" + dir + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Reuse

  /**
   * True if the files on disk are complete, consistent with each other and not about to expire.
   * Anything unexpected (missing file, wrong password, other CA) simply means "regenerate".
   */
  private boolean isReusable() {
    try {
      Instant deadline = Instant.now().plus(MIN_REMAINING);
      X509Certificate ca = readPemCertificate(caCertPem());
      X509Certificate trusted = (X509Certificate) load(trustStore()).getCertificate(CA_ALIAS);
      X509Certificate server = leaf(serverKeyStore());
      X509Certificate client = leaf(clientKeyStore());
      X509Certificate foreign = leaf(foreignClientKeyStore());
      X509Certificate expired = leaf(expiredClientKeyStore());
      X509Certificate clientPem = readPemCertificate(clientCertPem());
      if (!ca.equals(trusted)
          || !client.equals(clientPem)
          || !Files.isRegularFile(clientKeyPem())) {
        return false;
      }
      // Throws if a file was signed by a CA from an earlier generation.
      server.verify(ca.getPublicKey());
      client.verify(ca.getPublicKey());
      expired.verify(ca.getPublicKey());
      for (X509Certificate cert : new X509Certificate[] {ca, server, client, foreign}) {
        if (cert.getNotAfter().toInstant().isBefore(deadline)) {
          return false;
        }
      }
      return true;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static X509Certificate leaf(Path keyStore) throws IOException, GeneralSecurityException {
    KeyStore store = load(keyStore);
    if (!(store.getKey(KEY_ALIAS, PASSWORD.toCharArray()) instanceof PrivateKey)) {
      throw new GeneralSecurityException("no private key in " + keyStore);
    }
    return (X509Certificate) store.getCertificate(KEY_ALIAS);
  }

  // ---------------------------------------------------------------------------------------------
  // Generation

  private void writeAll() throws IOException, GeneralSecurityException {
    // Certificate dates have second precision; truncating keeps notBefore/notAfter exact.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant from = now.minus(Duration.ofDays(1)); // tolerate clock skew between hosts/containers
    Instant until = now.plus(VALIDITY);

    KeyPair caKeys = newKeyPair();
    X509Certificate ca = caCertificate("CN=idv-harness local CA", caKeys, from, until);

    KeyPair serverKeys = newKeyPair();
    X509Certificate server =
        leafCertificate(
            "CN=localhost",
            serverKeys.getPublic(),
            ca,
            caKeys.getPrivate(),
            from,
            until,
            KeyPurposeId.id_kp_serverAuth,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.iPAddress, "::1")
                }));

    KeyPair clientKeys = newKeyPair();
    X509Certificate client =
        clientCertificate("CN=idv-harness-client", clientKeys, ca, caKeys, from, until);

    // Signed by a CA that the server has never heard of.
    KeyPair foreignCaKeys = newKeyPair();
    X509Certificate foreignCa =
        caCertificate("CN=idv-harness foreign CA", foreignCaKeys, from, until);
    KeyPair foreignKeys = newKeyPair();
    X509Certificate foreign =
        clientCertificate(
            "CN=idv-harness-foreign-client", foreignKeys, foreignCa, foreignCaKeys, from, until);

    // Right CA, wrong dates: validity ended yesterday.
    KeyPair expiredKeys = newKeyPair();
    X509Certificate expired =
        clientCertificate(
            "CN=idv-harness-expired-client",
            expiredKeys,
            ca,
            caKeys,
            now.minus(Duration.ofDays(10)),
            now.minus(Duration.ofDays(1)));

    KeyStore trustStore = emptyStore();
    trustStore.setCertificateEntry(CA_ALIAS, ca);

    // ca.pem goes last: if this process dies half-way, the new files no longer match the old CA,
    // so the next isReusable() check fails and everything is regenerated.
    // getEncoded() of a JDK private key is PKCS#8, hence "PRIVATE KEY" (not "EC PRIVATE KEY").
    writeAtomically(
        clientKeyPem(), pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()), false);
    writeAtomically(serverKeyStore(), keyStoreBytes(serverKeys.getPrivate(), server, ca), false);
    writeAtomically(clientKeyStore(), keyStoreBytes(clientKeys.getPrivate(), client, ca), false);
    writeAtomically(
        foreignClientKeyStore(),
        keyStoreBytes(foreignKeys.getPrivate(), foreign, foreignCa),
        false);
    writeAtomically(
        expiredClientKeyStore(), keyStoreBytes(expiredKeys.getPrivate(), expired, ca), false);
    writeAtomically(clientCertPem(), pem("CERTIFICATE", client.getEncoded()), true);
    writeAtomically(trustStore(), storeBytes(trustStore), true);
    writeAtomically(caCertPem(), pem("CERTIFICATE", ca.getEncoded()), true);
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(
      String subject, KeyPair keys, Instant from, Instant until)
      throws IOException, GeneralSecurityException {
    X500Name name = new X500Name(subject);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
                name, serial(), Date.from(from), Date.from(until), name, keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
            .addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
            .addExtension(
                Extension.subjectKeyIdentifier,
                false,
                utils.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys.getPrivate());
  }

  private static X509Certificate clientCertificate(
      String subject,
      KeyPair keys,
      X509Certificate issuer,
      KeyPair issuerKeys,
      Instant from,
      Instant until)
      throws IOException, GeneralSecurityException {
    return leafCertificate(
        subject,
        keys.getPublic(),
        issuer,
        issuerKeys.getPrivate(),
        from,
        until,
        KeyPurposeId.id_kp_clientAuth,
        null);
  }

  private static X509Certificate leafCertificate(
      String subject,
      PublicKey publicKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant from,
      Instant until,
      KeyPurposeId purpose,
      GeneralNames subjectAltNames)
      throws IOException, GeneralSecurityException {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
                issuer,
                serial(),
                Date.from(from),
                Date.from(until),
                new X500Name(subject),
                publicKey)
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
            .addExtension(
                Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
            .addExtension(
                Extension.authorityKeyIdentifier,
                false,
                utils.createAuthorityKeyIdentifier(issuer));
    if (subjectAltNames != null) {
      // Hostname verification (HttpClient, curl) looks only at the SAN, never at the CN.
      builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
    }
    return sign(builder, issuerKey);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
      throws GeneralSecurityException {
    try {
      // No setProvider(...): the JDK's own providers sign and parse, BC is never registered.
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create ECDSA signer: " + e.getMessage(), e);
    }
  }

  /** Random positive serial: unique per generation, so reuse is observable by comparing serials. */
  private static BigInteger serial() {
    return new BigInteger(63, RANDOM).add(BigInteger.ONE);
  }

  // ---------------------------------------------------------------------------------------------
  // Files

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static byte[] keyStoreBytes(PrivateKey key, X509Certificate cert, X509Certificate issuer)
      throws IOException, GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setKeyEntry(KEY_ALIAS, key, PASSWORD.toCharArray(), new Certificate[] {cert, issuer});
    return storeBytes(store);
  }

  private static byte[] storeBytes(KeyStore store) throws IOException, GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, PASSWORD.toCharArray());
    return out.toByteArray();
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static X509Certificate readPemCertificate(Path path)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(path)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /**
   * Writes to a temporary file in the same directory and renames it into place, so a concurrent
   * reader (another JVM, WireMock, curl) sees either the old file or the new one, never a partial
   * one. The temporary file is created owner-only (POSIX), which is what private keys want;
   * certificates are made world-readable afterwards.
   */
  private void writeAtomically(Path target, byte[] content, boolean isPublic) throws IOException {
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        out.write(content);
      }
      if (isPublic && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
