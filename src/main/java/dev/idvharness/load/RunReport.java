package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes what a simulation measured under {@code <reports.dir>/gatling/}: {@code results/<Simulation>.json} (its
 * flows, gates and stub health), {@code histograms/<Simulation>.hlog} (time to verdict per flow in HdrHistogram's
 * mergeable log form, one tag per flow), then rebuilds {@code summary.json} and {@code gates.xml} (JUnit, one test
 * case per gate) from all the results there, so several simulations of one build end up in one summary.
 */
public final class RunReport {

  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  public static Path gatlingDir(Path reportsDir) {
    return reportsDir.resolve("gatling");
  }

  /** One simulation's results as a JSON document. */
  public static ObjectNode results(String simulation, LoadSettings settings, boolean remote, double runSeconds,
      List<FlowResult> flows, List<GateResult> gates, StubHealth stub, StressBreakpoint breakpoint) {
    ObjectNode root = JSON.createObjectNode();
    root.put("simulation", simulation);
    root.put("profile", settings.injection().profile());
    root.put("target", remote ? "remote" : "local stubs");
    root.put("runSeconds", Math.round(runSeconds * 10) / 10.0);
    root.put("valid", !Gates.invalid(gates));
    ObjectNode byFlow = root.putObject("flows");
    for (FlowResult flow : flows) {
      byFlow.set(flow.flow(), flowJson(flow, runSeconds));
    }
    if (stub != null) {
      ObjectNode stubNode = root.putObject("stubLagP99Ms");
      stub.lagP99Ms().forEach(stubNode::put);
      if (stub.error() != null) {
        root.put("stubError", stub.error());
      }
    }
    if ("stress".equals(settings.injection().profile())) {
      ObjectNode stress = root.putObject("stress");
      if (breakpoint == null) {
        stress.put("firstBrokenGate", "none up to " + settings.injection().peakRate() + " users/s");
      } else {
        stress.put("firstBrokenGate", FlowNames.title(breakpoint.flow()) + " " + breakpoint.gate());
        stress.put("atSecond", breakpoint.windowStartSeconds());
        stress.put("atUsersPerSec", Math.round(breakpoint.usersPerSec() * 10) / 10.0);
      }
    }
    root.set("gates", gatesJson(gates, "harness"));
    return root;
  }

  static ObjectNode flowJson(FlowResult flow, double runSeconds) {
    ObjectNode node = JSON.createObjectNode();
    node.put("started", flow.started());
    node.put("count", flow.verdicts());
    node.put("verdictsPerSec", runSeconds <= 0 ? 0 : Math.round(flow.verdicts() / runSeconds * 100) / 100.0);
    ObjectNode ttv = node.putObject("timeToVerdictMs");
    ttv.put("p50", flow.timeToVerdictMs(50));
    ttv.put("p95", flow.timeToVerdictMs(95));
    ttv.put("p99", flow.timeToVerdictMs(99));
    ttv.put("max", flow.verdicts() == 0 ? 0 : flow.timeToVerdictMs().getMaxValue());
    Histogram calls = flow.callsPerVerdict();
    ObjectNode callsNode = node.putObject("callsPerVerdict");
    callsNode.put("mean", calls.getTotalCount() == 0 ? 0 : Math.round(calls.getMean() * 100) / 100.0);
    callsNode.put("max", calls.getTotalCount() == 0 ? 0 : calls.getMaxValue());
    node.put("failed", flow.failed());
    node.put("deadlineMisses", flow.deadlineMisses());
    node.put("unfinished", flow.unfinished());
    ObjectNode failures = node.putObject("failures");
    flow.failures().forEach(failures::put);
    if (flow.unfinished() > 0) {
      failures.put("unfinished when the run stopped", flow.unfinished());
    }
    return node;
  }

  static ArrayNode gatesJson(List<GateResult> gates, String source) {
    ArrayNode array = JSON.createArrayNode();
    for (GateResult gate : gates) {
      array.addObject().put("name", gate.name()).put("threshold", gate.threshold()).put("measured", gate.measured())
          .put("passed", gate.passed()).put("source", source);
    }
    return array;
  }

  /** Writes this simulation's results and histograms, then rebuilds the summary and the gates file. */
  public static void write(Path reportsDir, String simulation, ObjectNode results, List<FlowResult> flows,
      long startedAt, long endedAt) {
    Path dir = gatlingDir(reportsDir);
    try {
      Files.createDirectories(dir.resolve("results"));
      Files.createDirectories(dir.resolve("histograms"));
      JSON.writeValue(dir.resolve("results").resolve(simulation + ".json").toFile(), results);
      try (PrintStream out = new PrintStream(dir.resolve("histograms").resolve(simulation + ".hlog").toFile(),
          "UTF-8")) {
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("time to verdict (ms) per flow of " + simulation + "; tags name the flows");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startedAt);
        writer.setBaseTime(startedAt);
        writer.outputLegend();
        for (FlowResult flow : flows) {
          Histogram histogram = flow.timeToVerdictMs().copy();
          histogram.setTag(flow.flow());
          // values are milliseconds already: a unit ratio of 1 keeps the max column in ms
          writer.outputIntervalHistogram(0, (endedAt - startedAt) / 1000.0, histogram, 1.0);
        }
      }
      aggregate(reportsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load reports under " + dir, e);
    }
  }

  /** summary.json and gates.xml from every results/*.json present. */
  public static void aggregate(Path reportsDir) throws IOException {
    Path dir = gatlingDir(reportsDir);
    ObjectNode summary = JSON.createObjectNode();
    ObjectNode simulations = summary.putObject("simulations");
    for (Path file : resultFiles(dir)) {
      JsonNode results = JSON.readTree(file.toFile());
      simulations.set(results.path("simulation").asText(), results);
    }
    JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
    Files.writeString(dir.resolve("gates.xml"), GatesXml.render(simulations));
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

  /** The gates of every simulation in the summary, as name to passed. */
  public static List<Map.Entry<String, JsonNode>> failedGates(JsonNode simulations) {
    List<Map.Entry<String, JsonNode>> failed = new ArrayList<>();
    simulations.fields().forEachRemaining(simulation -> {
      for (JsonNode gate : simulation.getValue().path("gates")) {
        if (!gate.path("passed").asBoolean()) {
          failed.add(Map.entry(simulation.getKey(), gate));
        }
      }
    });
    return failed;
  }
}
