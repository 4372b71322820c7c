package dev.idvharness.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-level gates, evaluated on recorded results (pure: no clock, no I/O). Per flow: at least one verdict,
 * failed flows below {@code sla.failedPercent}, time-to-verdict p95 within its SLO. Against the local stubs: the stub
 * was not saturated, or the run is invalid. Per request name: p95 and p99 response times; and the run's failed
 * requests. Gatling's own report is never read: every gate comes from the harness's mergeable records.
 */
public final class Gates {

  public static final String SATURATED = "stub saturated: results say nothing about the vendor";
  public static final String GENERATOR_SATURATED = "invalid: the load generator was saturated";
  static final String GENERATOR_GATE = "load generator not saturated";

  private Gates() {}

  /**
   * Every gate of a run, from its records: per flow (verdicts, failed flows, time to verdict p95), per request name
   * (p95 and p99 response time), the failed requests of the whole run, and, against the local stubs, one saturation
   * guard per stub (one per load generator).
   *
   * @param stubs one per generator, in generator order; empty against a remote target (no stub to ask)
   */
  public static List<GateResult> evaluate(List<FlowResult> flows, LoadSettings.Sla sla, List<StubHealth> stubs) {
    List<GateResult> gates = new ArrayList<>();
    long requests = 0;
    long failedRequests = 0;
    for (FlowResult flow : flows) {
      String name = FlowNames.title(flow.flow());
      gates.add(new GateResult(name + " verdicts", "at least 1", String.valueOf(flow.verdicts()),
          flow.verdicts() >= 1));
      gates.add(new GateResult(name + " failed flows", "below " + percent(sla.failedPercent()),
          percent(flow.failedPercent()) + " (" + flow.failed() + " of " + flow.started() + ")",
          flow.failedPercent() < sla.failedPercent()));
      long p95 = flow.timeToVerdictMs(95);
      int limit = sla.verdictP95Ms(flow.flow());
      gates.add(new GateResult(name + " time to verdict p95", "at most " + limit + " ms",
          flow.verdicts() == 0 ? "no verdict" : p95 + " ms", flow.verdicts() > 0 && p95 <= limit));
      for (RequestResult request : flow.requests().values()) {
        requests += request.total();
        failedRequests += request.ko();
        gates.add(responseTimeGate(request, 95, sla.p95Ms()));
        gates.add(responseTimeGate(request, 99, sla.p99Ms()));
      }
    }
    if (requests > 0) {
      double failedPercent = failedRequests * 100.0 / requests;
      gates.add(new GateResult("failed requests", "below " + percent(sla.failedPercent()),
          percent(failedPercent) + " (" + failedRequests + " of " + requests + ")",
          failedPercent < sla.failedPercent()));
    }
    for (int i = 0; i < stubs.size(); i++) {
      gates.add(stubGate(stubs.get(i), sla.maxStubLagMs(), stubs.size() == 1 ? "" : " of generator " + i));
    }
    return gates;
  }

  private static GateResult responseTimeGate(RequestResult request, int percentile, int limitMs) {
    long measured = request.responseTimeMs(percentile);
    boolean answered = request.responseTimeMs().getTotalCount() > 0;
    return new GateResult(request.name() + " response time p" + percentile, "at most " + limitMs + " ms",
        answered ? measured + " ms (" + request.responseTimeMs().getTotalCount() + " answers)" : "no answer",
        answered && measured <= limitMs);
  }

  static GateResult stubGate(StubHealth stub, int maxLagMs) {
    return stubGate(stub, maxLagMs, "");
  }

  /**
   * The saturation guard: the worst lag p99 among the endpoints with enough answers to have a p99 worth the name
   * ({@link StubHealth#MIN_SAMPLES}); with too few answers everywhere it holds, and says it could not judge.
   */
  static GateResult stubGate(StubHealth stub, int maxLagMs, String whose) {
    String name = "stub not saturated (lag p99 of every endpoint)" + whose;
    String threshold = "at most " + maxLagMs + " ms over at least " + StubHealth.MIN_SAMPLES + " answers";
    if (stub.error() != null) {
      return new GateResult(name, threshold, stub.error(), false);
    }
    Map.Entry<String, StubHealth.Lag> worst = stub.worst();
    if (worst == null) {
      long most = stub.endpoints().values().stream().mapToLong(StubHealth.Lag::samples).max().orElse(0);
      return new GateResult(name, threshold, "not judged: too few answers (at most " + most + " per endpoint, "
          + "after the warm-up)", true);
    }
    boolean ok = worst.getValue().p99Ms() <= maxLagMs;
    return new GateResult(name, threshold, worst.getValue().p99Ms() + " ms (" + worst.getKey() + ", "
        + worst.getValue().samples() + " answers)" + (ok ? "" : ": " + SATURATED), ok);
  }

  /**
   * The generator's own guard: the lag p99 of its tick. Past the threshold the run measured its own generator (a
   * busy runner, a stopped process), never the system under test: the run is invalid, not a latency failure.
   *
   * @param whose "" for a single generator, " of generator N" in a merged run
   */
  static GateResult generatorGate(GeneratorHealth health, int maxLagMs, String whose) {
    String name = GENERATOR_GATE + " (lag p99 of a " + GeneratorMeter.TICK_MS + " ms tick)" + whose;
    String threshold = "at most " + maxLagMs + " ms";
    String cpu = health.cpuShare() < 0 ? "" : String.format(Locale.ROOT, ", CPU %.0f %% of the cores",
        health.cpuShare() * 100);
    boolean ok = health.lagP99Ms() <= maxLagMs;
    return new GateResult(name, threshold, health.lagP99Ms() + " ms (max " + health.lagMaxMs() + " ms over "
        + health.ticks() + " ticks" + cpu + ")" + (ok ? "" : ": " + GENERATOR_SATURATED + whose), ok);
  }

  /**
   * True when the run measured the stub or its own generator rather than a vendor: its numbers must not be read as
   * vendor figures.
   */
  public static boolean invalid(List<GateResult> gates) {
    return !invalidating(gates).isEmpty();
  }

  /** The broken gates that judge the harness itself (its stub, its generator): each makes the run invalid. */
  public static List<GateResult> invalidating(List<GateResult> gates) {
    return gates.stream().filter(gate -> !gate.passed() && (gate.name().startsWith("stub not saturated")
        || gate.name().startsWith(GENERATOR_GATE))).toList();
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f %%", value);
  }
}
