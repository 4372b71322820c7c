package dev.idvharness.load;

import dev.idvharness.config.LoadProfile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.ReportedGate;
import dev.idvharness.report.RunReportFiles;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One simulation's results as the JSON the reports read ({@code reports/gatling/results/<Simulation>.json}): its
 * flows with their percentile curves and windows, requests, gates, the stubs' lag, the stress breakpoint, and with
 * several generators one row each. Built here from the records; written by {@link RunReportFiles}.
 */
public final class ResultsJson {

  private ResultsJson() {}

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
    root.put("profile", meta.injection().profile().label());
    root.put("target", meta.remote() ? "remote" : "local stubs");
    root.put("injectors", meta.injectors());
    root.put("runSeconds", Math.round(runSeconds * 10) / 10.0);
    // after the injection the run drains: no flow starts, the started ones reach their verdicts
    root.put("injectionSeconds", Math.min(Math.round(runSeconds * 10) / 10.0,
        meta.injection().duration().toMillis() / 1000.0));
    root.put("valid", !Gates.invalid(gates));
    ArrayNode invalidBecause = root.putArray("invalidBecause");
    Gates.invalidating(gates).forEach(gate -> invalidBecause.add(gate.name() + ": " + gate.measured()));
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
    if (meta.injection().profile() == LoadProfile.STRESS) {
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
  public static ArrayNode percentileCurve(Histogram histogram) {
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
    gates.forEach(gate -> new ReportedGate(gate.name(), gate.threshold(), gate.measured(), gate.passed(), source)
        .addTo(array));
    return array;
  }

}
