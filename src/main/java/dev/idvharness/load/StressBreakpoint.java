package dev.idvharness.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For a rising ramp: the first 5-second window of flow starts from which the flows broke a gate (failed flows or time
 * to verdict p95) in two consecutive windows, so that a warm-up blip does not count, and the injection rate at that
 * moment. Null when no gate broke that way.
 */
public record StressBreakpoint(String flow, String gate, long windowStartSeconds, double usersPerSec) {

  public static StressBreakpoint find(List<FlowResult> flows, LoadSettings.Sla sla, Injection injection) {
    StressBreakpoint first = null;
    for (FlowResult flow : flows) {
      List<Map.Entry<Long, FlowResult.Window>> windows = new ArrayList<>(new TreeMap<>(flow.windows()).entrySet());
      for (int i = 0; i + 1 < windows.size(); i++) {
        String broken = broken(windows.get(i).getValue(), sla, flow.flow());
        if (broken != null && broken(windows.get(i + 1).getValue(), sla, flow.flow()) != null) {
          long at = windows.get(i).getKey();
          if (first == null || at < first.windowStartSeconds()) {
            first = new StressBreakpoint(flow.flow(), broken, at, injection.rateAt(at));
          }
          break;
        }
      }
    }
    return first;
  }

  private static String broken(FlowResult.Window window, LoadSettings.Sla sla, String flow) {
    if (window.failedPercent() >= sla.failedPercent()) {
      return "failed flows";
    }
    return window.verdicts() > 0 && window.timeToVerdictP95Ms() > sla.verdictP95Ms(flow) ? "time to verdict p95" : null;
  }
}
