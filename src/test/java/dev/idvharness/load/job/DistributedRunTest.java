package dev.idvharness.load.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.json.HarnessJson;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.load.FlowResult;
import dev.idvharness.load.GateResult;
import dev.idvharness.load.Gates;
import dev.idvharness.load.GeneratorRecords;
import dev.idvharness.load.RequestResult;
import dev.idvharness.load.StubHealth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three load generators as three processes, with exactly the environment an Indexed Job gives its pods (index from
 * JOB_COMPLETION_INDEX, one run id, one start time), each against its own stub, then one merge. Generator 1's stub is
 * slow: the merged verdict must break although generators 0 and 2 alone would pass.
 */
class DistributedRunTest {

  private static final int N = 3;
  private static final String SIMULATION = "IronVestValidateSimulation";

  @RegisterExtension
  static IdvStubExtension stub0 = IdvStubExtension.newInstance().noDelays().build();
  @RegisterExtension
  static IdvStubExtension stub1 = IdvStubExtension.newInstance().noDelays().build();
  @RegisterExtension
  static IdvStubExtension stub2 = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  static Path dir;

  private static final String RUN_ID = "dist-" + Long.toString(System.currentTimeMillis(), 36);
  private static List<GeneratorRecords> parts;
  private static List<GateResult> merged;

  @BeforeAll
  static void runThreeGeneratorsAndMerge() throws Exception {
    // generator 1's flows take at least three validates of 8 s (two "processing", then the verdict): 24 s, beyond the
    // 20 s gate whatever the machine does; the others' take well under a second quiet and a few seconds busy
    stub1.admin().putEndpoint("ironvest.validate", "{\"delay\": {\"type\": \"fixed\", \"ms\": 8000}}");
    List<IdvStubExtension> stubs = List.of(stub0, stub1, stub2);
    String startAt = Instant.now().plusSeconds(12).toString();
    List<Process> generators = new ArrayList<>();
    for (int index = 0; index < N; index++) {
      generators.add(GeneratorProcesses.generator(0, Map.ofEntries(
          Map.entry("JOB_COMPLETION_INDEX", String.valueOf(index)),
          Map.entry("LOAD_INJECTORS", String.valueOf(N)),
          Map.entry("LOAD_RUN_ID", RUN_ID),
          Map.entry("LOAD_START_AT", startAt),
          Map.entry("LOAD_RESULTS_DIR", dir.resolve("records").toString()),
          Map.entry("LOAD_SIMULATION", "dev.idvharness.load." + SIMULATION),
          Map.entry("LOAD_SMOKE_SECONDS", "4"),
          Map.entry("LOAD_SMOKE_USERS_PER_SEC", "9"),
          Map.entry("LOAD_DRAIN_SECONDS", "40"),
          Map.entry("SLA_IRONVEST_VERDICT_P95_MS", "20000"),
          Map.entry("LOAD_WARMUP_SECONDS", "0"),
          Map.entry("LOAD_IRONVEST_RETRY_AFTER_MS", "100"),
          Map.entry("SLA_MAX_STUB_LAG_MS", "10000"),
          Map.entry("REPORTS_DIR", dir.resolve("generator-" + index).toString()),
          Map.entry("CYBERARK_BASE_URL", stubs.get(index).baseUrl()),
          Map.entry("IRONVEST_BASE_URL", stubs.get(index).baseUrl())), dir.resolve("generator-" + index + ".log"))
          .start());
    }
    for (Process generator : generators) {
      assertThat(generator.waitFor(120, TimeUnit.SECONDS)).as("a generator stops by itself").isTrue();
      assertThat(generator.exitValue()).as("a generator that wrote its records exits 0").isZero();
    }
    parts = new ArrayList<>();
    for (int index = 0; index < N; index++) {
      parts.add(GeneratorRecords.read(GeneratorRecords.dir(dir.resolve("records"), RUN_ID, index, SIMULATION)));
    }
    merged = LoadMerge.merge(dir.resolve("records").resolve(RUN_ID), dir.resolve("reports"));
  }

  @Test
  void everyGeneratorInjectedItsShareWithIdsOfItsOwn() {
    assertThat(parts).extracting(part -> part.meta().injectorIndex()).containsExactly(0, 1, 2);
    assertThat(parts).allSatisfy(part -> {
      assertThat(part.meta().runId()).isEqualTo(RUN_ID);
      assertThat(part.flows().get(0).started()).as("about 3 flows/s for 4 s").isBetween(6L, 18L);
    });
  }

  @Test
  void theTotalVerdictsAreTheSumOfTheParts() {
    long sum = parts.stream().mapToLong(part -> part.flows().get(0).verdicts()).sum();

    assertThat(gate("IronVest validation verdicts").measured()).isEqualTo(String.valueOf(sum));
  }

  @Test
  void mergedPercentilesAreThoseOfOneHistogramFedEverySample() throws Exception {
    Histogram everySample = FlowResult.histogram();
    for (GeneratorRecords part : parts) {
      for (HistogramIterationValue value : part.flows().get(0).timeToVerdictMs().recordedValues()) {
        everySample.recordValueWithCount(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
      }
    }
    var summary = HarnessJson.MAPPER.readTree(dir.resolve("reports/gatling/summary.json").toFile());
    var ttv = summary.path("simulations").path(SIMULATION).path("flows").path("ironvest").path("timeToVerdictMs");

    assertThat(ttv.path("p50").asLong()).isEqualTo(everySample.getValueAtPercentile(50));
    assertThat(ttv.path("p95").asLong()).isEqualTo(everySample.getValueAtPercentile(95));
    assertThat(ttv.path("p99").asLong()).isEqualTo(everySample.getValueAtPercentile(99));
    assertThat(ttv.path("max").asLong()).isEqualTo(everySample.getMaxValue());
  }

  @Test
  void theMergedGatesAreThoseOfOneProcessHoldingEveryRecord() {
    // one process that saw everything: every sample recorded once, every counter counted once
    Histogram ttv = FlowResult.histogram();
    Histogram calls = FlowResult.histogram();
    Map<String, Long> failures = new TreeMap<>();
    Map<String, long[]> requestCounts = new TreeMap<>();
    Map<String, Histogram> requestTimes = new TreeMap<>();
    long started = 0;
    List<StubHealth> stubs = new ArrayList<>();
    for (GeneratorRecords part : parts) {
      FlowResult flow = part.flows().get(0);
      started += flow.started();
      feed(ttv, flow.timeToVerdictMs());
      feed(calls, flow.callsPerVerdict());
      flow.failures().forEach((name, count) -> failures.merge(name, count, Long::sum));
      flow.requests().forEach((name, request) -> {
        long[] counts = requestCounts.computeIfAbsent(name, key -> new long[2]);
        counts[0] += request.ok();
        counts[1] += request.ko();
        feed(requestTimes.computeIfAbsent(name, key -> FlowResult.histogram()), request.responseTimeMs());
      });
      stubs.add(part.stub());
    }
    Map<String, RequestResult> requests = new TreeMap<>();
    requestCounts.forEach((name, counts) -> requests.put(name, new RequestResult(name, counts[0], counts[1],
        requestTimes.get(name))));
    List<GateResult> single = Gates.evaluate(List.of(new FlowResult("ironvest", started, ttv, calls, failures,
        Map.of(), requests)), parts.get(0).meta().sla(), stubs);

    // the gates of the records; each generator's own guard judges that generator alone, as a gate of its own
    assertThat(merged).filteredOn(gate -> !gate.name().startsWith("records of every")
        && !gate.name().startsWith("load generator not saturated")).containsExactlyElementsOf(single);
    assertThat(merged).filteredOn(gate -> gate.name().startsWith("load generator not saturated"))
        .extracting(GateResult::name).containsExactly(
            "load generator not saturated (lag p99 of a 100 ms tick) of generator 0",
            "load generator not saturated (lag p99 of a 100 ms tick) of generator 1",
            "load generator not saturated (lag p99 of a 100 ms tick) of generator 2");
  }

  @Test
  void aGateBrokenInOneGeneratorOnlyBreaksTheMergedVerdict() {
    GateResult generatorZeroAlone = Gates.evaluate(parts.get(0).flows(), parts.get(0).meta().sla(), List.of())
        .stream().filter(gate -> gate.name().equals("IronVest validation time to verdict p95")).findFirst()
        .orElseThrow();

    assertThat(generatorZeroAlone.passed()).as("generator 0 alone: %s", generatorZeroAlone.measured()).isTrue();
    assertThat(gate("IronVest validation time to verdict p95").passed()).isFalse();
    assertThat(gate("records of every load generator").measured()).isEqualTo("3 of 3");
  }

  private static GateResult gate(String name) {
    return merged.stream().filter(gate -> gate.name().equals(name)).findFirst().orElseThrow();
  }

  private static void feed(Histogram into, Histogram from) {
    for (HistogramIterationValue value : from.recordedValues()) {
      into.recordValueWithCount(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
    }
  }
}
