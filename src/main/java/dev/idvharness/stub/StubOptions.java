package dev.idvharness.stub;

import java.nio.file.Path;

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
    int acceptQueueSize) {

  public static final int DEFAULT_CONTAINER_THREADS = 32;
  public static final int DEFAULT_ASYNC_THREADS = 4;
  public static final int DEFAULT_ACCEPT_QUEUE = 4096;

  /** Defaults: a free port on 127.0.0.1, root dir {@code stubs}, its default profile, HTTP only. */
  public static StubOptions defaults() {
    return new StubOptions(0, "127.0.0.1", Path.of("stubs"), null, null, false, StubServer.defaultTlsDir(),
        DEFAULT_CONTAINER_THREADS, DEFAULT_ASYNC_THREADS, DEFAULT_ACCEPT_QUEUE);
  }

  public StubOptions withPort(int newPort) {
    return new StubOptions(newPort, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize);
  }

  public StubOptions withRootDir(Path dir) {
    return new StubOptions(port, bindAddress, dir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize);
  }

  public StubOptions withProfile(Path file) {
    return new StubOptions(port, bindAddress, rootDir, file, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize);
  }

  public StubOptions withHttps(int newHttpsPort, boolean requireClientCertificate, Path dir) {
    return new StubOptions(port, bindAddress, rootDir, profile, newHttpsPort, requireClientCertificate, dir,
        containerThreads, asyncThreads, acceptQueueSize);
  }

  public StubOptions withThreads(int container, int async, int acceptQueue) {
    return new StubOptions(port, bindAddress, rootDir, profile, httpsPort, mtls, tlsDir, container, async,
        acceptQueue);
  }

  public StubOptions withBindAddress(String address) {
    return new StubOptions(port, address, rootDir, profile, httpsPort, mtls, tlsDir, containerThreads,
        asyncThreads, acceptQueueSize);
  }
}
