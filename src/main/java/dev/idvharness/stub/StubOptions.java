package dev.idvharness.stub;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start a stub server. {@code port} 0 takes a free port; {@code httpsPort} null means no HTTPS, 0 a free
 * port. The thread and queue defaults are the measured ones (docs/benchmarks.md: 12 or 32 threads made no difference).
 */
public record StubOptions(
    int port,
    String bindAddress,
    Path rootDir,
    Path profile,
    Integer httpsPort,
    boolean mtls,
    Path tlsDir,
    int containerThreads,
    int asyncThreads,
    int acceptQueueSize,
    String adminToken,
    int idleTimeoutMs,
    String sessionStore) {

  /**
   * The JVM flags the stub is measured and shipped with (the harness's own stub process, the containers, the
   * manifests, bench/run): sessions live for seconds to minutes, and the default tenuring copied each of them up to 15
   * times between survivor spaces; promoted after one collection they are copied once (docs/benchmarks.md).
   */
  public static final List<String> TUNED_JVM_FLAGS = List.of("-XX:MaxTenuringThreshold=1");

  public static final int DEFAULT_CONTAINER_THREADS = 32;
  public static final int DEFAULT_ASYNC_THREADS = 4;
  public static final int DEFAULT_ACCEPT_QUEUE = 4096;
  /** A connection with nothing to say for this long is closed (keep-alive clients reconnect). */
  public static final int DEFAULT_IDLE_TIMEOUT_MS = 30_000;

  /**
   * A builder with every default (a free port on 127.0.0.1, root dir {@code stubs}, its default profile, HTTP
   * only), as WireMock's {@code wireMockConfig()}: {@code StubOptions.options().port(8089).adminToken(t).build()}.
   */
  public static Builder options() {
    return new Builder();
  }

  /** The defaults, built. */
  public static StubOptions defaults() {
    return options().build();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    return new Builder().port(port).bindAddress(bindAddress).rootDir(rootDir).profile(profile)
        .https(httpsPort, mtls, tlsDir).threads(containerThreads, asyncThreads, acceptQueueSize).adminToken(adminToken)
        .idleTimeoutMs(idleTimeoutMs).sessionStore(sessionStore);
  }

  /** True when the server listens on the loopback only (127.0.0.0/8, ::1, localhost). */
  public boolean loopbackOnly() {
    try {
      return java.net.InetAddress.getByName(bindAddress).isLoopbackAddress();
    } catch (java.net.UnknownHostException unknown) {
      return false;
    }
  }

  /** Options, each with its default until set. */
  public static final class Builder {

    private int port;
    private String bindAddress = "127.0.0.1";
    private Path rootDir = Path.of("stubs");
    private Path profile;
    private Integer httpsPort;
    private boolean mtls;
    private Path tlsDir = StubServer.defaultTlsDir();
    private int containerThreads = DEFAULT_CONTAINER_THREADS;
    private int asyncThreads = DEFAULT_ASYNC_THREADS;
    private int acceptQueueSize = DEFAULT_ACCEPT_QUEUE;
    private String adminToken;
    private String sessionStore;
    private int idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;

    private Builder() {}

    /** The HTTP port; 0 (the default) takes a free one. */
    public Builder port(int httpPort) {
      this.port = httpPort;
      return this;
    }

    public Builder bindAddress(String address) {
      this.bindAddress = address;
      return this;
    }

    /** The WireMock root dir with {@code mappings/}, {@code data/} and {@code profiles/}. */
    public Builder rootDir(Path dir) {
      this.rootDir = dir;
      return this;
    }

    /** A latency and fault profile file; null (the default) means the root dir's {@code profiles/default.json}. */
    public Builder profile(Path file) {
      this.profile = file;
      return this;
    }

    /** HTTPS on {@code port} (0: a free one; null: none), mTLS when {@code requireClientCertificate}. */
    public Builder https(Integer httpsPortOrNull, boolean requireClientCertificate, Path dir) {
      this.httpsPort = httpsPortOrNull;
      this.mtls = requireClientCertificate;
      this.tlsDir = dir;
      return this;
    }

    /** HTTPS on {@code port} in the builder's TLS dir (default: the generated material's). */
    public Builder https(Integer httpsPortOrNull, boolean requireClientCertificate) {
      return https(httpsPortOrNull, requireClientCertificate, tlsDir);
    }

    public Builder threads(int container, int async, int acceptQueue) {
      this.containerThreads = container;
      this.asyncThreads = async;
      this.acceptQueueSize = acceptQueue;
      return this;
    }

    /** Every {@code /__admin/} call must carry {@code Authorization: Token <token>}; null: the admin API is open. */
    public Builder adminToken(String token) {
      this.adminToken = token;
      return this;
    }

    public Builder idleTimeoutMs(int idleMs) {
      this.idleTimeoutMs = idleMs;
      return this;
    }

    /** The sessions in the Redis or Valkey at {@code redis://host:port}, shared by replicas; null: in memory. */
    public Builder sessionStore(String uri) {
      this.sessionStore = uri;
      return this;
    }

    public StubOptions build() {
      return new StubOptions(port, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
          asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs, sessionStore);
    }
  }
}
