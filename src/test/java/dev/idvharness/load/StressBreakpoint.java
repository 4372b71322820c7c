package dev.idvharness.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For a rising ramp: the first 5-second window of flow starts whose flows broke a gate (failed flows or time to
 * verdict p95), and the injection rate at that moment. Null when no window broke one.
 */
public record StressBreakpoint(String flow, String gate, long windowStartSeconds, double usersPerSec) {

  public static StressBreakpoint find(List<FlowResult> flows, LoadSettings.Sla sla, Injection injection) {
    StressBreakpoint first = null;
    for (FlowResult flow : flows) {
      for (Map.Entry<Long, FlowResult.WindowResult> entry : new TreeMap<>(flow.windows()).entrySet()) {
        FlowResult.WindowResult window = entry.getValue();
        String broken = window.failedPercent() >= sla.failedPercent() ? "failed flows"
            : window.verdicts() > 0 && window.timeToVerdictP95Ms() > sla.verdictP95Ms(flow.flow())
                ? "time to verdict p95" : null;
        if (broken != null) {
          if (first == null || entry.getKey() < first.windowStartSeconds()) {
            first = new StressBreakpoint(flow.flow(), broken, entry.getKey(), injection.rateAt(entry.getKey()));
          }
          break;
        }
      }
    }
    return first;
  }
}
