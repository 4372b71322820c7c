package dev.idvharness.load.job;

import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.load.GateResult;
import dev.idvharness.load.GeneratorRecords;
import dev.idvharness.load.RunRecords;
import dev.idvharness.report.RunReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One verdict for a run of N load generators: reads {@code <load.resultsDir>/<runId>/<index>/<Simulation>/}, adds
 * the histograms exactly, sums the counters, evaluates the gates once and writes the same reports as a single run
 * (summary.json, gates.xml, index.html, the merged histograms) under {@code reports.dir}, with one row per
 * generator beside the total. Exit 1 when a gate broke (a missing generator is one), 2 when the records cannot be one
 * run's (different runs, settings or histogram precision). Usage: {@code LoadMerge <resultsDir>/<runId>}.
 */
public final class LoadMerge {

  private LoadMerge() {}

  public static void main(String[] args) {
    try {
      if (args.length != 1) {
        throw new ConfigException("usage: LoadMerge <load.resultsDir>/<runId>");
      }
      Path reportsDir = Path.of(HarnessConfig.load().get(Keys.REPORTS_DIR));
      List<GateResult> gates = merge(Path.of(args[0]), reportsDir);
      gates.forEach(gate -> System.out.println("merge: " + gate.message()));
      long failed = gates.stream().filter(gate -> !gate.passed()).count();
      System.out.println("merge: " + (failed == 0 ? "every gate holds" : failed + " gate(s) broken") + "; "
          + reportsDir.resolve("index.html"));
      System.exit(failed == 0 ? 0 : 1);
    } catch (ConfigException | RunRecords.Refused | UncheckedIOException refused) {
      System.err.println("merge: " + refused.getMessage());
      System.exit(2);
    }
  }

  /** Merges every simulation found under {@code runDir} and writes the reports; returns all their gates. */
  public static List<GateResult> merge(Path runDir, Path reportsDir) {
    Map<String, List<GeneratorRecords>> bySimulation = read(runDir);
    if (bySimulation.isEmpty()) {
      throw new RunRecords.Refused("no load records under " + runDir + " (expected <index>/<Simulation>/"
          + GeneratorRecords.JSON_FILE + ")");
    }
    List<GateResult> gates = new ArrayList<>();
    for (Map.Entry<String, List<GeneratorRecords>> simulation : bySimulation.entrySet()) {
      RunRecords.Merged merged = RunRecords.merge(simulation.getValue());
      if (!runDir.getFileName().toString().equals(merged.meta().runId())) {
        throw new RunRecords.Refused("records of run " + merged.meta().runId() + " under " + runDir
            + ": a run's records belong under its own run id");
      }
      gates.addAll(RunRecords.report(reportsDir, merged, null));
    }
    RunReportFiles.writeRun(reportsDir, runDir.getFileName().toString(), List.of());
    return gates;
  }

  private static Map<String, List<GeneratorRecords>> read(Path runDir) {
    Map<String, List<GeneratorRecords>> bySimulation = new TreeMap<>();
    if (!Files.isDirectory(runDir)) {
      throw new RunRecords.Refused("no such run directory " + runDir);
    }
    try (Stream<Path> generators = Files.list(runDir)) {
      for (Path generator : generators.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> simulations = Files.list(generator)) {
          for (Path simulation : simulations.filter(dir -> Files.isRegularFile(dir.resolve(GeneratorRecords.JSON_FILE)))
              .toList()) {
            bySimulation.computeIfAbsent(simulation.getFileName().toString(), name -> new ArrayList<>())
                .add(GeneratorRecords.read(simulation));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bySimulation;
  }
}
