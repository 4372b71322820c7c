package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulations share: the configuration and target, read and checked before any traffic (a bad one stops the
 * run with one line); a time-to-verdict recorder per flow; and at the end the run-level gates and the reports.
 */
public abstract class LoadSimulation extends Simulation {

  protected final LoadSettings settings;
  protected final LoadTarget target;
  protected final String runId = Feeders.runId();
  private final Map<String, FlowRecorder> recorders = new LinkedHashMap<>();
  private final boolean remote;
  private final StubAdminClient stubAdmin;
  private volatile long startedAt = System.currentTimeMillis();
  private MemorySampler memory;

  protected LoadSimulation() {
    try {
      HarnessConfig config = HarnessConfig.load();
      settings = LoadSettings.from(config);
      remote = config.isRemote();
      target = LoadTarget.open(config);
      stubAdmin = target.stubUrl() == null ? null : new StubAdminClient(target.stubUrl());
    } catch (ConfigException bad) {
      System.err.println("load: " + bad.getMessage());
      throw bad;
    }
  }

  protected FlowRecorder recorder(String flow) {
    return recorders.computeIfAbsent(flow, name -> new FlowRecorder(name, () -> startedAt));
  }

  /** Gatling's own per-request gates: failed requests overall, p95 and p99 of each request name of each flow. */
  protected List<Assertion> requestAssertions(Map<String, List<String>> requestsByGroup) {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(global().failedRequests().percent().lt(settings.sla().failedPercent()));
    requestsByGroup.forEach((group, requests) -> {
      for (String request : requests) {
        assertions.add(details(group, request).responseTime().percentile(95).lte(settings.sla().p95Ms()));
        assertions.add(details(group, request).responseTime().percentile(99).lte(settings.sla().p99Ms()));
      }
    });
    return assertions;
  }

  /** Stub statistics cover this simulation only. */
  @Override
  public void before() {
    if (stubAdmin != null) {
      stubAdmin.reset();
    }
    startedAt = System.currentTimeMillis();
    memory = new MemorySampler(stubAdmin);
    memory.start(10);
  }

  @Override
  public void after() {
    try {
      long endedAt = System.currentTimeMillis();
      double runSeconds = (endedAt - startedAt) / 1000.0;
      List<FlowResult> flows = recorders.values().stream().map(FlowRecorder::result).toList();
      StubHealth stub = stubAdmin == null ? null : StubHealth.read(stubAdmin);
      List<GateResult> gates = Gates.evaluate(flows, settings.sla(), stub);
      StressBreakpoint breakpoint = StressBreakpoint.find(flows, settings.sla(), settings.injection());
      String simulation = getClass().getSimpleName();
      ObjectNode results = RunReport.results(simulation, settings, remote, runSeconds, flows, gates, stub,
          breakpoint);
      if (memory != null) {
        memory.stop();
        results.set("memory", memory.toJson());
      }
      RunReport.write(settings.reportsDir(), simulation, results, flows, startedAt, endedAt);
      gates.forEach(gate -> System.out.println("load: " + gate.message()));
      if (results.has("stress")) {
        System.out.println("load: stress, first broken gate: " + results.get("stress"));
      }
      long failed = gates.stream().filter(gate -> !gate.passed()).count();
      if (failed > 0) {
        // not thrown: an exception here would stop Gatling before its report and its own assertions
        System.out.println("load: " + failed + " gate(s) of " + simulation + " failed, see "
            + RunReport.gatlingDir(settings.reportsDir()).resolve("gates.xml") + " (-Pload verify fails on them)");
      }
    } finally {
      target.close();
    }
  }
}
