package dev.idvharness.junit;

import dev.idvharness.client.StubAdminClient;
import dev.idvharness.client.StubClientReport;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The vendor stub server on a free port for a JUnit 5 test, the way {@code WireMockExtension} does it for WireMock:
 * <pre>{@code
 * @RegisterExtension
 * static IdvStubExtension stub = IdvStubExtension.newInstance().rootDir(Path.of("stubs")).noDelays().build();
 * ... stub.baseUrl(), stub.admin().stats(), stub.data().requireApiKeyOf("acme-bank")
 * }</pre>
 * A static field gets one server for the class; an instance field one per test method.
 */
public final class IdvStubExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  private final StubOptions options;
  private StubServer server;
  private StubAdminClient admin;
  private StubData data;
  private boolean perMethod;

  private IdvStubExtension(StubOptions options) {
    this.options = options;
  }

  public static Builder newInstance() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      perMethod = true;
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perMethod) {
      stop();
    }
  }

  /** Starts the server now (for use outside JUnit's lifecycle); the callbacks do this for a registered extension. */
  public synchronized IdvStubExtension start() {
    if (server == null) {
      server = StubServer.start(options);
      admin = new StubAdminClient(server.baseUrl(), options.adminToken());
      data = StubData.load(options.rootDir());
    }
    return this;
  }

  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** {@code http://127.0.0.1:<port>}: both vendors' paths and the admin API. */
  public String baseUrl() {
    return running().baseUrl();
  }

  /** {@code https://localhost:<port>} when HTTPS was asked for. */
  public String httpsBaseUrl() {
    if (running().tls() == null) {
      throw new IllegalStateException("this stub has no HTTPS: build it with https(...)");
    }
    return server.httpsBaseUrl();
  }

  public int port() {
    return running().port();
  }

  /**
   * What the stub saw the clients under test do wrong: call {@code stub.clients().assertNoFindings()} at the end of a
   * test of your service to fail it on an early poll, an abandoned session, a refused request sent again, a call
   * after the end. Cleared by a reset, as the statistics are.
   */
  public StubClientReport clients() {
    return admin().clients();
  }

  /** The admin API: profile, stats, per-session poll discipline, reset. */
  public StubAdminClient admin() {
    running();
    return admin;
  }

  /** The stub conventions this server serves (users, codes, API keys), read from its root dir. */
  public StubData data() {
    running();
    return data;
  }

  /** The running server, e.g. for its generated TLS material ({@code server().tls()}). */
  public StubServer server() {
    return running();
  }

  private StubServer running() {
    if (server == null) {
      throw new IllegalStateException("the stub server is not running: register the extension with "
          + "@RegisterExtension, or call start()");
    }
    return server;
  }

  /** Options, each with the stub server's default when not set. */
  public static final class Builder {

    private StubOptions.Builder options = StubOptions.options();
    private boolean noDelays;

    private Builder() {}

    /** The WireMock root dir with {@code mappings/}, {@code data/} and {@code profiles/}; default {@code stubs}. */
    public Builder rootDir(Path dir) {
      options.rootDir(dir);
      return this;
    }

    /** A latency and fault profile file; default the root dir's {@code profiles/default.json}. */
    public Builder profile(Path file) {
      options.profile(file);
      noDelays = false;
      return this;
    }

    /** The root dir's {@code profiles/none.json}: answers without delay, for fast deterministic tests. */
    public Builder noDelays() {
      noDelays = true;
      return this;
    }

    /** Also HTTPS on a free port with generated material; {@code requireClientCertificate} makes it mTLS. */
    public Builder https(boolean requireClientCertificate) {
      options.https(0, requireClientCertificate);
      return this;
    }

    /** Protects the admin API: every {@code /__admin/} call must carry this token ({@link #admin()} does). */
    public Builder adminToken(String token) {
      options.adminToken(token);
      return this;
    }

    /** Any other option (threads, bind address, TLS dir, idle timeout): {@code StubOptions.options()...}. */
    public Builder options(StubOptions.Builder all) {
      options = all;
      return this;
    }

    public IdvStubExtension build() {
      StubOptions chosen = options.build();
      if (noDelays) {
        chosen = chosen.toBuilder().profile(chosen.rootDir().resolve("profiles/none.json")).build();
      }
      return new IdvStubExtension(chosen);
    }
  }
}
