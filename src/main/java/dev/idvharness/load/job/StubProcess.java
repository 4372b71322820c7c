package dev.idvharness.load.job;

import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.load.LoadSettings;
import dev.idvharness.run.Target;
import dev.idvharness.report.RunReportFiles;
import dev.idvharness.stub.StubOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import dev.idvharness.stub.StubServerMain;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main job's stub server, as its own process (its CPU and garbage collection stay out of the load generator's
 * JVM). {@code start JAR PROFILE}: clears the previous load reports, launches {@code java -jar JAR --port 0}, waits
 * for its serving line, and records pid, URL and admin token under target/load-stub/; the pom hands the simulations
 * the files' paths ({@code load.stubUrlFile}, {@code harness.stubAdminTokenFile}), nothing is set behind their back. {@code stop}: ends that process. Runs inside Maven's
 * JVM (exec:java), where a shutdown hook also ends the stub if the build stops early; the stub's own max lifetime
 * (every simulation's maximum duration, plus a margin) is the last resort.
 */
public final class StubProcess {

  static final Path DIR = Path.of("target", "load-stub");
  static final Path PID = DIR.resolve("pid");
  static final Path LOG = DIR.resolve("stub.log");
  private static final Pattern SERVING = Pattern.compile("serving .* on (http://[^ ,]+)");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final int SIMULATIONS = 3;
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private StubProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("start")) {
      start(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length == 1 && args[0].equals("stop")) {
      stop();
    } else {
      throw new IllegalArgumentException("usage: StubProcess start JAR PROFILE | stop");
    }
  }

  static void start(Path jar, Path profile) throws IOException, InterruptedException {
    HarnessConfig config = loadConfig();
    LoadSettings settings = LoadSettings.from(config);
    clearReports(settings.reportsDir());
    // a URL file of an earlier run would point this run's simulations at a stub that is gone
    Files.deleteIfExists(DIR.resolve("url"));
    if (config.isRemote()) {
      System.out.println("load: harness.target=remote, no stub server started");
      return;
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the package phase builds it");
    }
    stop();
    Files.createDirectories(DIR);
    long lifetimeSeconds = settings.maxDuration().multipliedBy(SIMULATIONS).plus(MARGIN).toSeconds();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the run's stub has an admin token of its own: only this build may reset or reshape it mid-run
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path tokenFile = DIR.resolve("admin-token");
    Files.writeString(tokenFile, token);
    tokenFile.toFile().setReadable(false, false);
    tokenFile.toFile().setReadable(true, true);
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m"));
    command.addAll(StubOptions.TUNED_JVM_FLAGS);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--profile", profile.toString(),
        "--max-lifetime-seconds", String.valueOf(lifetimeSeconds)));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(LOG.toFile());
    builder.environment().put(StubServerMain.ADMIN_TOKEN_ENV, token);
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "load-stub-stop"));
    String url = awaitServing(process);
    Files.writeString(PID, String.valueOf(process.pid()));
    Files.writeString(DIR.resolve("url"), url);
    System.out.println("load: stub server pid " + process.pid() + " serving on " + url + " (profile " + profile
        + ", stops by itself after " + lifetimeSeconds + " s; log " + LOG + ")");
  }

  private static String awaitServing(Process process) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      String log = Files.exists(LOG) ? Files.readString(LOG) : "";
      Matcher serving = SERVING.matcher(log);
      if (serving.find()) {
        return serving.group(1);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the stub server exited (" + process.exitValue() + "): " + log.strip());
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the stub server did not serve within " + STARTUP.toSeconds() + " s, see " + LOG);
  }

  static void stop() throws IOException, InterruptedException {
    if (!Files.exists(PID)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(PID).trim());
    Files.delete(PID);
    Optional<ProcessHandle> handle = ProcessHandle.of(pid)
        .filter(process -> process.info().commandLine().map(line -> line.contains("idv-stubs")).orElse(false));
    if (handle.isEmpty()) {
      return;
    }
    handle.get().destroy();
    try {
      handle.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException slow) {
      handle.get().destroyForcibly();
    }
    System.out.println("load: stub server pid " + pid + " stopped");
  }

  /** Results of an earlier run would be summed into this one's summary: they go first. */
  private static void clearReports(Path reportsDir) throws IOException {
    Path gatling = RunReportFiles.gatlingDir(reportsDir);
    if (Files.isDirectory(gatling)) {
      try (Stream<Path> tree = Files.walk(gatling)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.deleteIfExists(reportsDir.resolve("index.html"));
  }

  private static HarnessConfig loadConfig() {
    try {
      HarnessConfig config = HarnessConfig.load();
      Target.requireRemoteOptIn(config);
      return config;
    } catch (ConfigException bad) {
      System.err.println("load: " + bad.getMessage());
      throw bad;
    }
  }
}
