package dev.idvharness.load.job;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.RunReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The main job's report step, after its simulations: copies each Gatling HTML report to {@code reports/gatling/<run>/}
 * (for people to read: the verdict never reads it), then writes the run's shared reports once (summary.json,
 * gates.xml, clients.xml, index.html: {@link RunReportFiles#writeRun}) from the results of run {@code RUN_ID}. A
 * simulation that ended before writing its results gets a failing gate saying so. Usage:
 * {@code LoadReports GATLING_RESULTS_DIR RUN_ID}; without RUN_ID, the run of the newest results.
 */
public final class LoadReports {

  private LoadReports() {}

  public static void main(String[] args) throws IOException {
    Path reportsDir = Path.of(HarnessConfig.load().get(Keys.REPORTS_DIR));
    Path gatlingResults = Path.of(args.length > 0 ? args[0] : "target/gatling");
    String runId = args.length > 1 ? args[1] : newestRunId(RunReportFiles.gatlingDir(reportsDir));
    Path index = collect(gatlingResults, reportsDir, runId);
    System.out.println("load: reports of run " + runId + " in " + index.toAbsolutePath());
  }

  /** Copies the Gatling reports of the last plugin invocation and writes the run's reports; returns index.html. */
  public static Path collect(Path gatlingResults, Path reportsDir, String runId) throws IOException {
    Path gatlingDir = RunReportFiles.gatlingDir(reportsDir);
    Files.createDirectories(gatlingDir);
    List<Path> runs = runs(gatlingResults);
    removeOtherRunsReports(gatlingDir, runs);
    List<String> names = new ArrayList<>();
    for (Path run : runs) {
      copyTree(run, gatlingDir.resolve(run.getFileName()));
      names.add(run.getFileName().toString());
    }
    return RunReportFiles.writeRun(reportsDir, runId, names);
  }

  /** Gatling HTML reports of earlier runs go: reports/ holds one run. */
  static void removeOtherRunsReports(Path gatlingDir, List<Path> runs) throws IOException {
    List<String> kept = new ArrayList<>(List.of("results", "histograms"));
    runs.forEach(run -> kept.add(run.getFileName().toString()));
    try (Stream<Path> entries = Files.list(gatlingDir)) {
      for (Path old : entries.filter(Files::isDirectory).filter(dir -> !kept.contains(dir.getFileName().toString()))
          .toList()) {
        try (Stream<Path> tree = Files.walk(old)) {
          for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /** The runs of the last plugin invocation (its lastRun.txt), else every run folder there. */
  static List<Path> runs(Path gatlingResults) throws IOException {
    if (!Files.isDirectory(gatlingResults)) {
      return List.of();
    }
    Path lastRun = gatlingResults.resolve("lastRun.txt");
    if (Files.isRegularFile(lastRun)) {
      return Files.readAllLines(lastRun).stream().map(String::strip).filter(line -> !line.isEmpty())
          .map(gatlingResults::resolve).filter(Files::isDirectory).toList();
    }
    try (Stream<Path> entries = Files.list(gatlingResults)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The run id of the newest results file, or "unknown" when there are none. */
  static String newestRunId(Path gatlingDir) throws IOException {
    Path results = gatlingDir.resolve("results");
    if (!Files.isDirectory(results)) {
      return "unknown";
    }
    try (Stream<Path> files = Files.list(results)) {
      Optional<Path> newest = files.filter(file -> file.toString().endsWith(".json"))
          .max(Comparator.comparing(file -> file.toFile().lastModified()));
      return newest.isEmpty() ? "unknown"
          : HarnessJson.MAPPER.readTree(newest.get().toFile()).path("runId").asText("unknown");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      tree.forEach(source -> {
        Path target = to.resolve(from.relativize(source).toString());
        try {
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
