package dev.idvharness.load.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.report.ReportedGate;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main job's last step: fails the build when a load gate broke, naming each gate, its threshold and the measured
 * value, or when a simulation left no results. Usage: {@code LoadVerdict SIMULATION...} (the expected ones).
 */
public final class LoadVerdict {

  private LoadVerdict() {}

  public static void main(String[] expected) throws Exception {
    JsonNode simulations = RunReportFiles.readSummary(Path.of(HarnessConfig.load().get(Keys.REPORTS_DIR)))
        .path("simulations");
    List<String> problems = problems(simulations, List.of(expected));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("load gates failed (reports/index.html):\n  " + String.join("\n  ", problems));
    }
    System.out.println("load: every gate of " + String.join(", ", expected) + " holds");
  }

  public static List<String> problems(JsonNode simulations, List<String> expected) {
    List<String> problems = new ArrayList<>();
    for (String simulation : expected) {
      if (!simulations.has(simulation)) {
        problems.add(simulation + ": no results (did it run? see the Gatling output above)");
      }
    }
    for (Map.Entry<String, ReportedGate> failed : RunReportFiles.failedGates(simulations)) {
      problems.add(failed.getKey() + ": gate '" + failed.getValue().name() + "' failed: "
          + failed.getValue().numbers());
    }
    return problems;
  }
}
