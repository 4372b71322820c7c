package dev.idvharness.stub.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis (or Valkey) server on a free loopback port, without persistence, for one test class: the Debian
 * package's binary ({@code apt-get install redis-server}, which .ci/run does). Where neither binary is installed, the
 * tests that need it are skipped saying so.
 */
final class RedisProcess implements AutoCloseable {

  private final Path binary;
  private final int port;
  private Process process;

  private RedisProcess(Path binary, int port) {
    this.binary = binary;
    this.port = port;
  }

  /** A started server, or the calling test skipped when no server binary is installed. */
  static RedisProcess start() {
    Optional<Path> binary = Stream.of("valkey-server", "redis-server").map(RedisProcess::onPath)
        .flatMap(Optional::stream).findFirst();
    Assumptions.assumeTrue(binary.isPresent(), "neither valkey-server nor redis-server is installed"
        + " (apt-get install redis-server; .ci/run installs it)");
    RedisProcess redis = new RedisProcess(binary.get(), freePort());
    redis.startAgain();
    return redis;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server at once (a store that went away). */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts it again on the same port, empty (a store that came back). */
  void startAgain() {
    try {
      process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--daemonize", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException(binary + " did not start: " + e.getMessage());
    }
    // listening is the readiness signal; a slow machine gets up to 30 s
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(binary + " exited at start (" + process.exitValue() + ")");
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException(binary + " did not listen on " + port + " within 30 s");
  }

  @Override
  public void close() {
    kill();
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return List.of(Path.of("/usr/bin", name), Path.of("/usr/sbin", name)).stream().filter(Files::isExecutable)
        .findFirst();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
