package dev.idvharness.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-level gates, evaluated on recorded results (pure: no clock, no I/O). Per flow: at least one verdict,
 * failed flows below {@code sla.failedPercent}, time-to-verdict p95 within its SLO. Against the local stubs: the stub
 * was not saturated, or the run is invalid. Per-request gates are Gatling's own assertions.
 */
public final class Gates {

  public static final String SATURATED = "stub saturated: results say nothing about the vendor";

  private Gates() {}

  /** @param stub null against a remote target (no stub to ask) */
  public static List<GateResult> evaluate(List<FlowResult> flows, LoadSettings.Sla sla, StubHealth stub) {
    List<GateResult> gates = new ArrayList<>();
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
    }
    if (stub != null) {
      gates.add(stubGate(stub, sla.maxStubLagMs()));
    }
    return gates;
  }

  static GateResult stubGate(StubHealth stub, int maxLagMs) {
    String name = "stub not saturated (lag p99 of every endpoint)";
    String threshold = "at most " + maxLagMs + " ms";
    if (stub.error() != null) {
      return new GateResult(name, threshold, stub.error(), false);
    }
    Map.Entry<String, Long> worst = stub.worst();
    if (worst == null) {
      return new GateResult(name, threshold, "no request served", false);
    }
    boolean ok = worst.getValue() <= maxLagMs;
    return new GateResult(name, threshold,
        worst.getValue() + " ms (" + worst.getKey() + ")" + (ok ? "" : ": " + SATURATED), ok);
  }

  /** True when the run measured the stub rather than a vendor: its numbers must not be read as vendor figures. */
  public static boolean invalid(List<GateResult> gates) {
    return gates.stream().anyMatch(gate -> !gate.passed() && gate.name().startsWith("stub not saturated"));
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f %%", value);
  }
}
