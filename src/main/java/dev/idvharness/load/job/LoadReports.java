package dev.idvharness.load.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.load.GateResult;
import dev.idvharness.load.RunReport;
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
 * After the simulations of the main job: copies each Gatling HTML report to {@code reports/gatling/<run>/}, adds
 * Gatling's assertion outcomes to that simulation's gates, rebuilds summary.json and gates.xml, and writes
 * {@code reports/index.html}. Usage: {@code LoadReports GATLING_RESULTS_DIR}.
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
    for (Path run : runs(gatlingResults)) {
      Path copy = gatlingDir.resolve(run.getFileName());
      copyTree(run, copy);
      Path html = copy.resolve("index.html");
      if (Files.isRegularFile(html)) {
        addGatlingGates(gatlingDir, run.getFileName().toString(), GatlingAssertions.parse(Files.readString(html)));
      }
    }
    RunReport.aggregate(reportsDir);
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

  /** A run folder is named {@code <simulation in lower case>-<timestamp>}; its results file by the class name. */
  static void addGatlingGates(Path gatlingDir, String runName, List<GateResult> gates) throws IOException {
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
      // the simulation ended before writing its own results: keep what Gatling says, and say the rest is missing
      resultsFile = gatlingDir.resolve("results").resolve(prefix + ".json");
      results = RunReport.JSON.createObjectNode().put("simulation", prefix).put("valid", false);
      results.putArray("gates").addObject().put("name", "time-to-verdict results written")
          .put("threshold", "present").put("measured", "missing").put("passed", false).put("source", "harness");
    } else {
      results = (ObjectNode) RunReport.JSON.readTree(resultsFile.toFile());
    }
    results.put("gatlingReport", "gatling/" + runName + "/index.html");
    ArrayNode kept = RunReport.JSON.createArrayNode();
    for (JsonNode gate : results.path("gates")) {
      if (!"gatling".equals(gate.path("source").asText())) {
        kept.add(gate);
      }
    }
    for (GateResult gate : gates) {
      kept.addObject().put("name", gate.name()).put("threshold", gate.threshold()).put("measured", gate.measured())
          .put("passed", gate.passed()).put("source", "gatling");
    }
    results.set("gates", kept);
    RunReport.JSON.writeValue(resultsFile.toFile(), results);
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
