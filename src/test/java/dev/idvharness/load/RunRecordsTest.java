package dev.idvharness.load;

import dev.idvharness.config.LoadProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of generators' records: it adds what belongs to one run and refuses, in one line, what does not. */
class RunRecordsTest {

  private static final LoadSettings.Sla SLA = new LoadSettings.Sla(1.0, 500, 1000, 4000, 2000, 50, 250);
  private static final Injection SMOKE = new Injection(LoadProfile.SMOKE, 0, 9, Duration.ZERO, Duration.ofSeconds(4));

  @TempDir
  Path dir;

  private static GeneratorRecords part(String runId, int index, int injectors, String settings, int digits,
      long... timesMs) {
    Histogram times = FlowResult.histogram();
    for (long time : timesMs) {
      times.recordValue(time);
    }
    FlowResult flow = new FlowResult("ironvest", timesMs.length, times, times.copy(), Map.of(), Map.of());
    return new GeneratorRecords(new GeneratorRecords.Meta(runId, "IronVestValidateSimulation", index, injectors,
        settings, digits, 1_000, 5_000, false, SLA, SMOKE), List.of(flow), null);
  }

  @Test
  void recordsOfDifferentRunsAreRefusedNamingBoth() {
    assertThatThrownBy(() -> RunRecords.merge(List.of(part("run-a", 0, 2, "s", 3, 100), part("run-b", 1, 2, "s", 3,
        100)))).isInstanceOf(RunRecords.Refused.class)
        .hasMessage("records of different runs: run-a (generator 0) and run-b (generator 1); merge one run at a time");
  }

  @Test
  void recordsWithDifferentSettingsAreRefused() {
    assertThatThrownBy(() -> RunRecords.merge(List.of(part("r", 0, 2, "rate 9", 3, 100), part("r", 1, 2, "rate 20", 3,
        100)))).hasMessageStartingWith("records with different settings: generator 1 ran with [rate 20");
  }

  @Test
  void recordsWithDifferentHistogramPrecisionAreRefused() {
    assertThatThrownBy(() -> RunRecords.merge(List.of(part("r", 0, 2, "s", 3, 100), part("r", 1, 2, "s", 2, 100))))
        .hasMessage("records with different histogram precision: 3 and 2 significant digits (generator 1)");
  }

  @Test
  void aMissingGeneratorIsNamedAndBreaksTheVerdict() {
    RunRecords.Merged merged = RunRecords.merge(List.of(part("r", 0, 3, "s", 3, 100, 200), part("r", 2, 3, "s", 3,
        300)));

    List<GateResult> gates = RunRecords.report(dir, merged, null);

    assertThat(merged.missing()).containsExactly(1);
    assertThat(merged.flows().get(0).verdicts()).isEqualTo(3);
    assertThat(gates).filteredOn(gate -> gate.name().equals("records of every load generator")).singleElement()
        .satisfies(gate -> {
          assertThat(gate.passed()).isFalse();
          assertThat(gate.measured()).isEqualTo("2 of 3: generator(s) [1] missing");
        });
  }

  @Test
  void recordsWrittenAndReadBackAreTheSame() {
    GeneratorRecords written = part("r", 0, 1, "s", 3, 120, 480, 3_000);
    Path where = GeneratorRecords.dir(dir, "r", 0, "IronVestValidateSimulation");

    written.write(where);
    GeneratorRecords read = GeneratorRecords.read(where);

    assertThat(read.meta()).isEqualTo(written.meta());
    assertThat(read.flows().get(0).timeToVerdictMs()).isEqualTo(written.flows().get(0).timeToVerdictMs());
    assertThat(read.flows().get(0).started()).isEqualTo(3);
  }
}
