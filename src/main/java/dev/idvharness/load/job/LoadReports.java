package dev.idvharness.load.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.load.RunReport;
import dev.idvharness.load.ReportIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * After the simulations of the main job: copies each Gatling HTML report to {@code reports/gatling/<run>/} (for
 * people to read: the verdict never reads it) and links it from that simulation's results, rebuilds summary.json and
 * gates.xml from the results of the last run, and writes {@code reports/index.html}. A simulation that ended before
 * writing its results gets a failing gate saying so. Usage: {@code LoadReports GATLING_RESULTS_DIR}.
 */
public final class LoadReports {

  private LoadReports() {}

  public static void main(String[] args) throws IOException {
    Path reportsDir = Path.of(HarnessConfig.load().get(Keys.REPORTS_DIR));
    collect(Path.of(args.length > 0 ? args[0] : "target/gatling"), reportsDir);
    Path index = ReportIndex.write(reportsDir);
    System.out.println("load: reports in " + index.toAbsolutePath());
  }

  static void collect(Path gatlingResults, Path reportsDir) throws IOException {
    Path gatlingDir = RunReport.gatlingDir(reportsDir);
    Files.createDirectories(gatlingDir.resolve("results"));
    List<Path> runs = runs(gatlingResults);
    removeOtherRunsReports(gatlingDir, runs);
    for (Path run : runs) {
      Path copy = gatlingDir.resolve(run.getFileName());
      copyTree(run, copy);
      linkGatlingReport(gatlingDir, run.getFileName().toString(), runId(gatlingDir));
    }
    RunReport.aggregate(reportsDir, runId(gatlingDir));
  }

  /** Gatling HTML reports of earlier runs go: reports/ holds one run. */
  static void removeOtherRunsReports(Path gatlingDir, List<Path> runs) throws IOException {
    List<String> kept = new ArrayList<>(List.of("results", "histograms"));
    runs.forEach(run -> kept.add(run.getFileName().toString()));
    try (Stream<Path> entries = Files.list(gatlingDir)) {
      for (Path old : entries.filter(Files::isDirectory).filter(dir -> !kept.contains(dir.getFileName().toString()))
          .toList()) {
        try (Stream<Path> tree = Files.walk(old)) {
          for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
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

  /** The run id of the last results written (summary.json), or "unknown" when there are none. */
  static String runId(Path gatlingDir) throws IOException {
    Path summary = gatlingDir.resolve("summary.json");
    return Files.isRegularFile(summary) ? HarnessJson.MAPPER.readTree(summary.toFile()).path("runId").asText("unknown")
        : "unknown";
  }

  /** A run folder is named {@code <simulation in lower case>-<timestamp>}; its results file by the class name. */
  static void linkGatlingReport(Path gatlingDir, String runName, String runId) throws IOException {
    String prefix = runName.replaceFirst("-\\d+$", "");
    Path resultsFile = null;
    for (Path file : listJson(gatlingDir.resolve("results"))) {
      String simulation = file.getFileName().toString().replaceFirst("\\.json$", "");
      if (simulation.toLowerCase(Locale.ROOT).equals(prefix)) {
        resultsFile = file;
      }
    }
    ObjectNode results;
    if (resultsFile == null) {
      // the simulation ended before writing its own results: say that they are missing
      resultsFile = gatlingDir.resolve("results").resolve(prefix + ".json");
      results = HarnessJson.MAPPER.createObjectNode().put("simulation", prefix).put("runId", runId).put("valid", false);
      results.putArray("gates").addObject().put("name", "records of the run written")
          .put("threshold", "present").put("measured", "missing").put("passed", false).put("source", "harness");
    } else {
      results = (ObjectNode) HarnessJson.MAPPER.readTree(resultsFile.toFile());
    }
    results.put("gatlingReport", "gatling/" + runName + "/index.html");
    HarnessJson.FILE.writeValue(resultsFile.toFile(), results);
  }

  private static List<Path> listJson(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.filter(file -> file.toString().endsWith(".json")).toList());
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
