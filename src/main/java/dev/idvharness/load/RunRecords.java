package dev.idvharness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * One verdict from the records of one or several load generators: their histograms added exactly (HdrHistogram
 * {@code add}, no averaging of percentiles), their counters summed, the gates evaluated once on the total, and the
 * same reports as a single run. A single run and a merge of N runs go through here alike.
 */
public final class RunRecords {

  private RunRecords() {}

  /** Records that cannot be merged into one verdict; the message is one line saying why. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** The total of a simulation's generators, and which of the expected ones are missing. */
  public record Merged(GeneratorRecords.Meta meta, List<FlowResult> flows, List<StubHealth> stubs,
      List<GeneratorRecords> parts, List<Integer> missing) {}

  /** Adds the records of one simulation's generators; refuses, with one line, records that are not of one run. */
  public static Merged merge(List<GeneratorRecords> parts) {
    if (parts.isEmpty()) {
      throw new Refused("no load records to merge");
    }
    List<GeneratorRecords> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(part -> part.meta().injectorIndex()));
    GeneratorRecords.Meta first = sorted.get(0).meta();
    for (GeneratorRecords part : sorted) {
      GeneratorRecords.Meta meta = part.meta();
      String who = "generator " + meta.injectorIndex();
      if (!meta.runId().equals(first.runId())) {
        throw new Refused("records of different runs: " + first.runId() + " (generator " + first.injectorIndex()
            + ") and " + meta.runId() + " (" + who + "); merge one run at a time");
      }
      if (!meta.simulation().equals(first.simulation())) {
        throw new Refused("records of different simulations: " + first.simulation() + " and " + meta.simulation()
            + " (" + who + ")");
      }
      if (meta.histogramDigits() != first.histogramDigits()) {
        throw new Refused("records with different histogram precision: " + first.histogramDigits() + " and "
            + meta.histogramDigits() + " significant digits (" + who + ")");
      }
      if (!meta.settings().equals(first.settings()) || meta.injectors() != first.injectors()) {
        throw new Refused("records with different settings: " + who + " ran with [" + meta.settings() + ", injectors "
            + meta.injectors() + "], generator " + first.injectorIndex() + " with [" + first.settings()
            + ", injectors " + first.injectors() + "]");
      }
    }
    TreeSet<Integer> seen = new TreeSet<>();
    for (GeneratorRecords part : sorted) {
      if (!seen.add(part.meta().injectorIndex())) {
        throw new Refused("two records of generator " + part.meta().injectorIndex() + " in run " + first.runId());
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int index = 0; index < first.injectors(); index++) {
      if (!seen.contains(index)) {
        missing.add(index);
      }
    }
    Map<String, FlowResult> total = new LinkedHashMap<>();
    List<StubHealth> stubs = new ArrayList<>();
    long startedAt = Long.MAX_VALUE;
    long endedAt = 0;
    for (GeneratorRecords part : sorted) {
      part.flows().forEach(flow -> total.merge(flow.flow(), flow, FlowResult::plus));
      if (part.stub() != null) {
        stubs.add(part.stub());
      }
      startedAt = Math.min(startedAt, part.meta().startedAt());
      endedAt = Math.max(endedAt, part.meta().endedAt());
    }
    GeneratorRecords.Meta meta = new GeneratorRecords.Meta(first.runId(), first.simulation(), -1, first.injectors(),
        first.settings(), first.histogramDigits(), startedAt, endedAt, first.remote(), first.sla(), first.injection());
    return new Merged(meta, List.copyOf(total.values()), stubs, sorted, missing);
  }

  /**
   * Evaluates the gates of the merged records and writes this simulation's results and histograms (the run's shared
   * reports are written once, at its end: {@link RunReportFiles#writeRun}). {@code extra} (e.g. memory samples) is
   * added to the results.
   */
  public static List<GateResult> report(Path reportsDir, Merged merged, ObjectNode extra) {
    List<GateResult> gates = new ArrayList<>(Gates.evaluate(merged.flows(), merged.meta().sla(), merged.stubs()));
    // each generator judges itself: one starved generator invalidates the merged verdict, and is named
    for (GeneratorRecords part : merged.parts()) {
      if (part.generator() != null) {
        gates.add(Gates.generatorGate(part.generator(), merged.meta().sla().maxGeneratorLagMs(),
            merged.meta().injectors() > 1 ? " of generator " + part.meta().injectorIndex() : ""));
      }
    }
    if (merged.meta().injectors() > 1 || !merged.missing().isEmpty()) {
      int present = merged.parts().size();
      gates.add(new GateResult("records of every load generator", "all " + merged.meta().injectors(),
          present + " of " + merged.meta().injectors() + (merged.missing().isEmpty() ? ""
              : ": generator(s) " + merged.missing() + " missing"),
          merged.missing().isEmpty()));
    }
    StressBreakpoint breakpoint = StressBreakpoint.find(merged.flows(), merged.meta().sla(), merged.meta().injection());
    ObjectNode results = ResultsJson.results(merged.meta(), merged.flows(), gates, merged.stubs(), breakpoint,
        merged.parts());
    if (extra != null) {
      results.setAll(extra);
    }
    Map<String, Histogram> timeToVerdict = new LinkedHashMap<>();
    merged.flows().forEach(flow -> timeToVerdict.put(flow.flow(), flow.timeToVerdictMs()));
    RunReportFiles.writeSimulation(reportsDir, results, timeToVerdict, merged.meta().startedAt(),
        merged.meta().endedAt());
    return gates;
  }
}
