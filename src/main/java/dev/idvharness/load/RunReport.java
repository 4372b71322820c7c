package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
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

  private RunReport() {}

  public static Path gatlingDir(Path reportsDir) {
    return reportsDir.resolve("gatling");
  }

  /**
   * One simulation's results as a JSON document: its run id, flows, gates (each with its measured value), the
   * stubs' lag, the stress breakpoint, and with several load generators one row per generator beside the total.
   */
  public static ObjectNode results(GeneratorRecords.Meta meta, List<FlowResult> flows, List<GateResult> gates,
      List<StubHealth> stubs, StressBreakpoint breakpoint, List<GeneratorRecords> generators) {
    double runSeconds = (meta.endedAt() - meta.startedAt()) / 1000.0;
    ObjectNode root = HarnessJson.MAPPER.createObjectNode();
    root.put("simulation", meta.simulation());
    root.put("runId", meta.runId());
    root.put("profile", meta.injection().profile());
    root.put("target", meta.remote() ? "remote" : "local stubs");
    root.put("injectors", meta.injectors());
    root.put("runSeconds", Math.round(runSeconds * 10) / 10.0);
    // after the injection the run drains: no flow starts, the started ones reach their verdicts
    root.put("injectionSeconds", Math.min(Math.round(runSeconds * 10) / 10.0,
        meta.injection().duration().toMillis() / 1000.0));
    root.put("valid", !Gates.invalid(gates));
    root.set("sla", HarnessJson.MAPPER.valueToTree(meta.sla()));
    ObjectNode byFlow = root.putObject("flows");
    for (FlowResult flow : flows) {
      ObjectNode node = flowJson(flow, runSeconds);
      node.put("verdictP95LimitMs", meta.sla().verdictP95Ms(flow.flow()));
      node.set("percentileCurve", percentileCurve(flow.timeToVerdictMs()));
      ArrayNode windows = node.putArray("windows");
      flow.windows().forEach((start, window) -> windows.addObject().put("second", start)
          .put("verdicts", window.verdicts()).put("failed", window.failed())
          .put("timeToVerdictP95Ms", window.timeToVerdictP95Ms()));
      byFlow.set(flow.flow(), node);
    }
    ObjectNode requests = root.putObject("requests");
    for (FlowResult flow : flows) {
      flow.requests().forEach((name, request) -> requests.putObject(name).put("ok", request.ok())
          .put("ko", request.ko()).put("p50", request.responseTimeMs(50)).put("p95", request.responseTimeMs(95))
          .put("p99", request.responseTimeMs(99)));
    }
    for (int i = 0; i < stubs.size(); i++) {
      StubHealth stub = stubs.get(i);
      ObjectNode stubNode = stubs.size() == 1 ? root.putObject("stubLagP99Ms")
          : root.with("stubLagP99MsByGenerator").putObject(String.valueOf(i));
      stub.lagP99Ms().forEach(stubNode::put);
      if (stub.error() != null) {
        root.put("stubError", stub.error());
      }
    }
    if ("stress".equals(meta.injection().profile())) {
      ObjectNode stress = root.putObject("stress");
      if (breakpoint == null) {
        stress.put("firstBrokenGate", "none up to " + meta.injection().peakRate() + " users/s");
      } else {
        stress.put("firstBrokenGate", FlowNames.title(breakpoint.flow()) + " " + breakpoint.gate());
        stress.put("atSecond", breakpoint.windowStartSeconds());
        stress.put("atUsersPerSec", Math.round(breakpoint.usersPerSec() * 10) / 10.0);
      }
    }
    if (generators.size() > 1) {
      ArrayNode rows = root.putArray("generators");
      for (GeneratorRecords generator : generators) {
        ObjectNode row = rows.addObject().put("index", generator.meta().injectorIndex());
        double seconds = (generator.meta().endedAt() - generator.meta().startedAt()) / 1000.0;
        ObjectNode generatorFlows = row.putObject("flows");
        generator.flows().forEach(flow -> generatorFlows.set(flow.flow(), flowJson(flow, seconds)));
        if (generator.stub() != null) {
          row.put("stubLagP99Ms", generator.stub().highestLagP99Ms());
        }
        if (generator.generator() != null) {
          row.set("generator", generator.generator().toJson());
        }
      }
    }
    if (generators.size() == 1 && generators.get(0).generator() != null) {
      root.set("generator", generators.get(0).generator().toJson());
    }
    root.set("gates", gatesJson(gates, "harness"));
    return root;
  }

  /**
   * HdrHistogram's percentile distribution (five steps per halving of the tail, so the tail is log-scaled): the
   * points of the report's time-to-verdict curve, as [percentile, ms].
   */
  static ArrayNode percentileCurve(Histogram histogram) {
    ArrayNode curve = HarnessJson.MAPPER.createArrayNode();
    if (histogram.getTotalCount() == 0) {
      return curve;
    }
    for (org.HdrHistogram.HistogramIterationValue value : histogram.percentiles(5)) {
      double percentile = value.getPercentileLevelIteratedTo();
      curve.addArray().add(Math.round(percentile * 10_000) / 10_000.0).add(value.getValueIteratedTo());
      if (percentile >= 100.0) {
        break;
      }
    }
    return curve;
  }

  static ObjectNode flowJson(FlowResult flow, double runSeconds) {
    ObjectNode node = HarnessJson.MAPPER.createObjectNode();
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
    ArrayNode array = HarnessJson.MAPPER.createArrayNode();
    for (GateResult gate : gates) {
      array.addObject().put("name", gate.name()).put("threshold", gate.threshold()).put("measured", gate.measured())
          .put("passed", gate.passed()).put("source", source);
    }
    return array;
  }

  /**
   * Writes this simulation's results and its time-to-verdict histograms, then rebuilds the summary and the gates
   * file from the results of this run only: results of another run id are removed, so no report mixes two runs.
   */
  public static void write(Path reportsDir, ObjectNode results, List<FlowResult> flows, long startedAt,
      long endedAt) {
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
        for (FlowResult flow : flows) {
          Histogram histogram = flow.timeToVerdictMs().copy();
          histogram.setTag(flow.flow());
          // values are milliseconds already: a unit ratio of 1 keeps the max column in ms
          writer.outputIntervalHistogram(0, (endedAt - startedAt) / 1000.0, histogram, 1.0);
        }
      }
      aggregate(reportsDir, results.path("runId").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load reports under " + dir, e);
    }
  }

  /** summary.json and gates.xml from the results of run {@code runId}; results of other runs are removed. */
  public static void aggregate(Path reportsDir, String runId) throws IOException {
    Path dir = gatlingDir(reportsDir);
    ObjectNode summary = HarnessJson.MAPPER.createObjectNode();
    summary.put("runId", runId);
    ObjectNode simulations = summary.putObject("simulations");
    for (Path file : resultFiles(dir)) {
      JsonNode results = HarnessJson.MAPPER.readTree(file.toFile());
      if (!runId.equals(results.path("runId").asText())) {
        String simulation = results.path("simulation").asText();
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("histograms").resolve(simulation + ".hlog"));
        continue;
      }
      simulations.set(results.path("simulation").asText(), results);
    }
    HarnessJson.FILE.writeValue(dir.resolve("summary.json").toFile(), summary);
    Files.writeString(dir.resolve("gates.xml"), GatesXml.render(simulations));
    Files.writeString(dir.resolve("clients.xml"), ClientFindingsXml.render(simulations));
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
