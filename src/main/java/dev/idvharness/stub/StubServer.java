package dev.idvharness.stub;

import dev.idvharness.stub.serve.SessionStoreFactory;
import dev.idvharness.stub.store.SharedSessionStore;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;
import dev.idvharness.stub.tls.TlsMaterial;
import java.nio.file.Path;

/**
 * The stub server: WireMock serving both vendors from a root dir (default {@code stubs/}), with the load-friendly
 * settings measured for this harness: no request journal (it grows without bound under load), no request logging,
 * asynchronous delayed answers (no thread waits out a delay), a large accept queue (the default overflows at
 * 1,000 connections) and no gzip. Optionally HTTPS, with a required client certificate for mTLS.
 */
public final class StubServer implements AutoCloseable {

  private final WireMockServer server;
  private final StubState state;
  private final TlsMaterial tls;

  private final SessionStoreFactory stores;

  private StubServer(WireMockServer server, StubState state, TlsMaterial tls, SessionStoreFactory stores) {
    this.server = server;
    this.state = state;
    this.tls = tls;
    this.stores = stores;
  }

  public static StubServer start(StubOptions options) {
    SessionStoreFactory stores = options.sessionStore() == null ? SessionStoreFactory.inMemory()
        : SharedSessionStore.connect(options.sessionStore());
    StubState state = StubState.load(options.rootDir(), options.profile(), stores);
    WireMockConfiguration config = options()
        .bindAddress(options.bindAddress())
        .usingFilesUnderDirectory(options.rootDir().toString())
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(options.asyncThreads())
        .containerThreads(options.containerThreads())
        .jettyAcceptQueueSize(options.acceptQueueSize())
        .gzipDisabled(true)
        .http2PlainDisabled(true)
        .notifier(new ConsoleNotifier(false))
        .extensionScanningEnabled(false)
        .jettyIdleTimeout((long) options.idleTimeoutMs())
        .extensions(new IdvStubExtensions(state));
    if (options.adminToken() != null) {
      config.adminAuthenticator(new TokenAuthenticator(options.adminToken()));
    }
    if (options.port() == 0) {
      config.dynamicPort();
    } else {
      config.port(options.port());
    }
    TlsMaterial tls = null;
    if (options.httpsPort() != null) {
      tls = TlsMaterial.generate(options.tlsDir());
      config.httpsPort(options.httpsPort() == 0 ? 0 : options.httpsPort())
          .keystorePath(tls.serverKeyStore().toString())
          .keystorePassword(TlsMaterial.PASSWORD)
          .keyManagerPassword(TlsMaterial.PASSWORD)
          .keystoreType("PKCS12");
      if (options.httpsPort() == 0) {
        config.dynamicHttpsPort();
      }
      if (options.mtls()) {
        config.needClientAuth(true)
            .trustStorePath(tls.trustStore().toString())
            .trustStorePassword(TlsMaterial.PASSWORD)
            .trustStoreType("PKCS12");
      }
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    return new StubServer(server, state, tls, stores);
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The HTTPS base URL (host {@code localhost}, which the generated server certificate names). */
  public String httpsBaseUrl() {
    return "https://localhost:" + server.httpsPort();
  }

  public StubState state() {
    return state;
  }

  /** The generated CA, server and client material, or null when HTTPS is off. */
  public TlsMaterial tls() {
    return tls;
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  @Override
  public void close() {
    server.stop();
    state.close();
    if (stores instanceof SharedSessionStore shared) {
      shared.close();
    }
  }

  /** Where this server keeps its sessions: "in memory", or the shared store's address. */
  public String sessionStore() {
    return stores.describe();
  }

  /** Where the TLS material goes when none is named: under target/, never committed. */
  public static Path defaultTlsDir() {
    return Path.of("target", "idv-tls");
  }
}
