package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The files of a load run under {@code <reports.dir>/gatling/}. Each simulation writes only its own:
 * {@code results/<Simulation>.json} and {@code histograms/<Simulation>.hlog} (time to verdict per flow in
 * HdrHistogram's mergeable log form, one tag per flow). The run's shared files ({@code summary.json},
 * {@code gates.xml}, {@code clients.xml} and {@code reports/index.html}) are written once, at the end of the run,
 * by {@link #writeRun}, from the results of that run only.
 */
public final class RunReportFiles {

  private RunReportFiles() {}

  public static Path gatlingDir(Path reportsDir) {
    return reportsDir.resolve("gatling");
  }

  /** One simulation's results and its time-to-verdict histograms (by flow); nothing shared is touched. */
  public static void writeSimulation(Path reportsDir, ObjectNode results, Map<String, Histogram> timeToVerdictByFlow,
      long startedAt, long endedAt) {
    Path dir = gatlingDir(reportsDir);
    String simulation = results.path("simulation").asText();
    try {
      Files.createDirectories(dir.resolve("results"));
      Files.createDirectories(dir.resolve("histograms"));
      HarnessJson.FILE.writeValue(dir.resolve("results").resolve(simulation + ".json").toFile(), results);
      try (PrintStream out = new PrintStream(dir.resolve("histograms").resolve(simulation + ".hlog").toFile(),
          "UTF-8")) {
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("time to verdict (ms) per flow of " + simulation + ", run "
            + results.path("runId").asText() + "; tags name the flows");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startedAt);
        writer.setBaseTime(startedAt);
        writer.outputLegend();
        timeToVerdictByFlow.forEach((flow, times) -> {
          Histogram histogram = times.copy();
          histogram.setTag(flow);
          // values are milliseconds already: a unit ratio of 1 keeps the max column in ms
          writer.outputIntervalHistogram(0, (endedAt - startedAt) / 1000.0, histogram, 1.0);
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load results under " + dir, e);
    }
  }

  /**
   * The run's shared files from the results of run {@code runId}; results of other runs are removed, so no report
   * mixes two runs. {@code gatlingRuns} names the Gatling report folders copied under {@code gatling/} (named
   * {@code <simulation in lower case>-<timestamp>}): each links from its simulation, and one whose simulation left
   * no results gets a failing gate saying so. Returns the path of {@code index.html}.
   */
  public static Path writeRun(Path reportsDir, String runId, List<String> gatlingRuns) {
    Path dir = gatlingDir(reportsDir);
    try {
      Files.createDirectories(dir);
      ObjectNode summary = HarnessJson.MAPPER.createObjectNode();
      summary.put("runId", runId);
      ObjectNode simulations = summary.putObject("simulations");
      for (Path file : resultFiles(dir)) {
        JsonNode results = HarnessJson.MAPPER.readTree(file.toFile());
        String simulation = results.path("simulation").asText();
        if (!runId.equals(results.path("runId").asText())) {
          Files.deleteIfExists(file);
          Files.deleteIfExists(dir.resolve("histograms").resolve(simulation + ".hlog"));
          continue;
        }
        simulations.set(simulation, results);
      }
      for (String run : gatlingRuns) {
        linkGatlingReport(simulations, runId, run);
      }
      HarnessJson.FILE.writeValue(dir.resolve("summary.json").toFile(), summary);
      Files.writeString(dir.resolve("gates.xml"), GatesXml.render(simulations));
      Files.writeString(dir.resolve("clients.xml"), ClientFindingsXml.render(simulations));
      return ReportIndex.write(reportsDir, summary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's reports under " + reportsDir, e);
    }
  }

  private static void linkGatlingReport(ObjectNode simulations, String runId, String run) {
    String prefix = run.replaceFirst("-\\d+$", "");
    String simulation = null;
    for (var names = simulations.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.toLowerCase(Locale.ROOT).equals(prefix)) {
        simulation = name;
      }
    }
    if (simulation == null) {
      // the simulation ended before writing its own results: say that they are missing
      simulation = prefix;
      ObjectNode missing = simulations.putObject(simulation).put("simulation", simulation).put("runId", runId)
          .put("valid", false);
      new ReportedGate("records of the run written", "present", "missing", false, "harness")
          .addTo(missing.putArray("gates"));
    }
    ((ObjectNode) simulations.get(simulation)).put("gatlingReport", "gatling/" + run + "/index.html");
  }

  /**
   * {@code index.html} again from the last run's summary, for a report written beside it later (the drift report,
   * its own command): nothing of the run is written again.
   */
  public static Path writeIndex(Path reportsDir) {
    try {
      return ReportIndex.write(reportsDir, readSummary(reportsDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + reportsDir.resolve("index.html"), e);
    }
  }

  /** The run's summary ({@code runId}, {@code simulations}), or an empty one when no run wrote one. */
  public static JsonNode readSummary(Path reportsDir) {
    Path summary = gatlingDir(reportsDir).resolve("summary.json");
    try {
      return Files.isRegularFile(summary) ? HarnessJson.MAPPER.readTree(summary.toFile())
          : HarnessJson.MAPPER.createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + summary, e);
    }
  }

  static List<Path> resultFiles(Path gatlingDir) throws IOException {
    Path results = gatlingDir.resolve("results");
    if (!Files.isDirectory(results)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(results)) {
      return new ArrayList<>(files.filter(file -> file.toString().endsWith(".json")).sorted().toList());
    }
  }

  /** Every broken gate of the summary's simulations, as simulation to gate. */
  public static List<Map.Entry<String, ReportedGate>> failedGates(JsonNode simulations) {
    List<Map.Entry<String, ReportedGate>> failed = new ArrayList<>();
    simulations.fields().forEachRemaining(simulation -> ReportedGate.of(simulation.getValue()).stream()
        .filter(gate -> !gate.passed()).forEach(gate -> failed.add(Map.entry(simulation.getKey(), gate))));
    return failed;
  }
}
