package dev.idvharness.stub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar target/idv-stubs.jar --port 8089}: the stub server as its own process. A bad flag, a bad profile
 * or bad stub data stops it with one line on stderr and exit code 2, before anything listens.
 */
public final class StubServerMain {

  /** The environment variable that holds the admin token (a flag would show in the process list). */
  public static final String ADMIN_TOKEN_ENV = "IDV_ADMIN_TOKEN";
  public static final String SESSION_STORE_ENV = "IDV_SESSION_STORE";

  static final String USAGE = String.join("\n",
      "Usage: java -jar idv-stubs.jar [flags]",
      "  --port N               HTTP port (default 8089; 0 = a free port)",
      "  --bind-address ADDR    address to listen on (default 127.0.0.1)",
      "  --root-dir DIR         WireMock root dir with mappings/, data/, profiles/ (default stubs)",
      "  --profile FILE         latency and fault profile (default DIR/profiles/default.json)",
      "  --https-port N         also serve HTTPS on port N (0 = a free port)",
      "  --mtls                 require a client certificate signed by the generated CA (needs --https-port)",
      "  --tls-dir DIR          where the generated CA, server and client material goes (default target/idv-tls)",
      "  --container-threads N  Jetty worker threads (default " + StubOptions.DEFAULT_CONTAINER_THREADS + ")",
      "  --async-threads N      threads that send delayed answers (default " + StubOptions.DEFAULT_ASYNC_THREADS + ")",
      "  --accept-queue N       TCP accept queue (default " + StubOptions.DEFAULT_ACCEPT_QUEUE + ")",
      "  --max-lifetime-seconds N  stop by itself after N seconds (a CI job's stub never outlives it)",
      "  --admin-token TOKEN    every /__admin/ call needs 'Authorization: Token TOKEN' (better: the environment",
      "                         variable " + ADMIN_TOKEN_ENV + ", which no process list shows); required with a",
      "                         --bind-address other than the loopback",
      "  --idle-timeout-ms N    close a connection idle this long (default " + StubOptions.DEFAULT_IDLE_TIMEOUT_MS
          + ")",
      "  --session-store URI    keep sessions in the Redis or Valkey at redis://host:port (rediss:// for TLS), shared",
      "                         by every replica behind one address (default: in memory; or " + SESSION_STORE_ENV + ")",
      "  --help                 this text");

  private StubServerMain() {}

  public static void main(String[] args) {
    StubOptions options;
    Integer maxLifetimeSeconds;
    try {
      List<String> rest = new ArrayList<>(List.of(args));
      maxLifetimeSeconds = takeMaxLifetime(rest);
      options = parse(rest.toArray(String[]::new), System.getenv());
    } catch (UsageException e) {
      fail(e.getMessage());
      return;
    }
    if (options == null) {
      System.out.println(USAGE);
      return;
    }
    StubServer server;
    try {
      server = StubServer.start(options);
    } catch (RuntimeException e) {
      fail(bindFailure(e) ? "port " + options.port() + (options.httpsPort() == null ? "" : " or " + options.httpsPort())
          + " is in use on " + options.bindAddress() + ": choose another with --port N, or --port 0 for a free one"
          : oneLine(e));
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "idv-stubs-shutdown"));
    if (maxLifetimeSeconds != null) {
      stopAfter(maxLifetimeSeconds);
    }
    String https = options.httpsPort() == null ? ""
        : ", " + server.httpsBaseUrl() + (options.mtls() ? " (client certificate required, material in "
            + options.tlsDir() + ")" : "");
    System.out.println("idv-stubs: serving CyberArk and IronVest on " + server.baseUrl() + https
        + " from " + options.rootDir() + ", sessions " + server.sessionStore() + "; admin: " + server.baseUrl()
        + "/__admin/idv/stats");
  }

  /** The options of a command line, or null for --help. */
  static StubOptions parse(String[] args) throws UsageException {
    return parse(args, java.util.Map.of());
  }

  /** The options of a command line and the environment ({@value #ADMIN_TOKEN_ENV}), or null for --help. */
  static StubOptions parse(String[] args, java.util.Map<String, String> environment) throws UsageException {
    StubOptions defaults = StubOptions.defaults();
    StubOptions.Builder builder = defaults.toBuilder().port(8089);
    Integer httpsPort = null;
    boolean mtls = false;
    Path tlsDir = defaults.tlsDir();
    int container = defaults.containerThreads();
    int async = defaults.asyncThreads();
    int queue = defaults.acceptQueueSize();
    String token = null;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--help", "-h" -> {
          return null;
        }
        case "--mtls" -> mtls = true;
        case "--port" -> builder.port(number(flag, value(flag, rest), 0, 65535));
        case "--bind-address" -> builder.bindAddress(value(flag, rest));
        case "--root-dir" -> builder.rootDir(Path.of(value(flag, rest)));
        case "--profile" -> builder.profile(Path.of(value(flag, rest)));
        case "--https-port" -> httpsPort = number(flag, value(flag, rest), 0, 65535);
        case "--tls-dir" -> tlsDir = Path.of(value(flag, rest));
        case "--container-threads" -> container = number(flag, value(flag, rest), 4, 10_000);
        case "--async-threads" -> async = number(flag, value(flag, rest), 1, 1_000);
        case "--accept-queue" -> queue = number(flag, value(flag, rest), 1, 1_000_000);
        case "--admin-token" -> token = value(flag, rest);
        case "--idle-timeout-ms" -> builder.idleTimeoutMs(number(flag, value(flag, rest), 100, 3_600_000));
        case "--session-store" -> builder.sessionStore(sessionStore(value(flag, rest)));
        default -> throw new UsageException("unknown flag '" + flag + "' (see --help)");
      }
    }
    if (mtls && httpsPort == null) {
      throw new UsageException("--mtls needs --https-port");
    }
    String envToken = environment.get(ADMIN_TOKEN_ENV);
    if (token == null && envToken != null && !envToken.isBlank()) {
      token = envToken.trim();
    }
    String envStore = environment.get(SESSION_STORE_ENV);
    if (builder.build().sessionStore() == null && envStore != null && !envStore.isBlank()) {
      builder.sessionStore(sessionStore(envStore));
    }
    StubOptions options = builder.adminToken(token).https(httpsPort, mtls, tlsDir).threads(container, async, queue)
        .build();
    if (options.adminToken() != null && options.adminToken().isBlank()) {
      throw new UsageException("--admin-token is blank");
    }
    if (options.adminToken() == null && !options.loopbackOnly()) {
      // beyond the loopback, anyone who reaches the port could change latency and faults or reset a run's statistics
      throw new UsageException("--bind-address " + options.bindAddress() + " opens the admin API beyond this machine:"
          + " protect it with a token (environment variable " + ADMIN_TOKEN_ENV + ", or --admin-token)");
    }
    if (!Files.isDirectory(options.rootDir().resolve("mappings"))) {
      throw new UsageException("--root-dir " + options.rootDir() + ": no mappings/ folder there");
    }
    if (options.profile() != null && !Files.isRegularFile(options.profile())) {
      throw new UsageException("--profile " + options.profile() + ": no such file");
    }
    return options;
  }

  private static String sessionStore(String uri) throws UsageException {
    try {
      return dev.idvharness.stub.store.SharedSessionStore.parse(uri).toString();
    } catch (IllegalArgumentException bad) {
      throw new UsageException(bad.getMessage());
    }
  }

  /** Removes {@code --max-lifetime-seconds N} from the flags and returns N, or null when absent. */
  static Integer takeMaxLifetime(List<String> flags) throws UsageException {
    int at = flags.indexOf("--max-lifetime-seconds");
    if (at < 0) {
      return null;
    }
    flags.remove(at);
    List<String> rest = flags.subList(at, flags.size());
    return number("--max-lifetime-seconds", value("--max-lifetime-seconds", rest), 1, 7 * 24 * 3600);
  }

  private static void stopAfter(int seconds) {
    Thread timer = new Thread(() -> {
      try {
        Thread.sleep(seconds * 1000L);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("idv-stubs: max lifetime of " + seconds + " s reached, stopping");
      System.exit(0);
    }, "idv-stubs-max-lifetime");
    timer.setDaemon(true);
    timer.start();
  }

  private static String value(String flag, List<String> rest) throws UsageException {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new UsageException(flag + " needs a value (see --help)");
    }
    return rest.remove(0);
  }

  private static int number(String flag, String text, int min, int max) throws UsageException {
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }
  }

  /** Jetty's "Failed to bind", wrapped by WireMock in a FatalStartupException: the port is taken. */
  static boolean bindFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.net.BindException
          || (cause.getMessage() != null && cause.getMessage().contains("Failed to bind"))) {
        return true;
      }
    }
    return false;
  }

  static String oneLine(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void fail(String message) {
    System.err.println("idv-stubs: " + message);
    System.exit(2);
  }

  /** A command line that cannot be used; the message is the one line shown to the user. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
