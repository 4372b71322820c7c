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
    int idleTimeoutMs) {

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

  /** Defaults: a free port on 127.0.0.1, root dir {@code stubs}, its default profile, HTTP only. */
  public static StubOptions defaults() {
    return new StubOptions(0, "127.0.0.1", Path.of("stubs"), null, null, false, StubServer.defaultTlsDir(),
        DEFAULT_CONTAINER_THREADS, DEFAULT_ASYNC_THREADS, DEFAULT_ACCEPT_QUEUE, null, DEFAULT_IDLE_TIMEOUT_MS);
  }

  public StubOptions withPort(int newPort) {
    return new StubOptions(newPort, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs);
  }

  public StubOptions withRootDir(Path dir) {
    return new StubOptions(port, bindAddress, dir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs);
  }

  public StubOptions withProfile(Path file) {
    return new StubOptions(port, bindAddress, rootDir, file, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs);
  }

  public StubOptions withHttps(int newHttpsPort, boolean requireClientCertificate, Path dir) {
    return new StubOptions(port, bindAddress, rootDir, profile, newHttpsPort, requireClientCertificate, dir,
        containerThreads, asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs);
  }

  public StubOptions withThreads(int container, int async, int acceptQueue) {
    return new StubOptions(port, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, container, async,
        acceptQueue, adminToken, idleTimeoutMs);
  }

  /** Every {@code /__admin/} call must carry {@code Authorization: Token <token>}; null: the admin API is open. */
  public StubOptions withAdminToken(String token) {
    return new StubOptions(port, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, token, idleTimeoutMs);
  }

  public StubOptions withIdleTimeout(int idleMs) {
    return new StubOptions(port, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, adminToken, idleMs);
  }

  /** True when the server listens on the loopback only (127.0.0.0/8, ::1, localhost). */
  public boolean loopbackOnly() {
    try {
      return java.net.InetAddress.getByName(bindAddress).isLoopbackAddress();
    } catch (java.net.UnknownHostException unknown) {
      return false;
    }
  }

  public StubOptions withBindAddress(String address) {
    return new StubOptions(port, address, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize, adminToken, idleTimeoutMs);
  }
}
