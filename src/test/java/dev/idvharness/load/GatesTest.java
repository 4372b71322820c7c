package dev.idvharness.load;

import dev.idvharness.config.LoadProfile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Gate behaviour on given numbers: recorded histograms in, verdicts out. */
class GatesTest {

  private static final LoadSettings.Sla SLA = new LoadSettings.Sla(1.0, 500, 1000, 4000, 2000, 50, 250);
  private static final List<StubHealth> CALM_STUB = List.of(new StubHealth(Map.of("ironvest.validate",
      new StubHealth.Lag(3, 5_000)), null));

  static FlowResult flow(String name, long started, long[] timesMs, Map<String, Long> failures) {
    Histogram times = FlowResult.histogram();
    Histogram calls = new Histogram(100_000, 3);
    for (long time : timesMs) {
      times.recordValue(time);
      calls.recordValue(3);
    }
    return new FlowResult(name, started, times, calls, failures, Map.of());
  }

  private static long[] repeat(long value, int count) {
    long[] values = new long[count];
    java.util.Arrays.fill(values, value);
    return values;
  }

  private static GateResult gate(List<GateResult> gates, String name) {
    return gates.stream().filter(gate -> gate.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aRunWithinEverySloPasses() {
    List<GateResult> gates = Gates.evaluate(
        List.of(flow(IronVestValidationChain.NAME, 100, repeat(600, 100), Map.of())), SLA, CALM_STUB);

    assertThat(gates).hasSize(4).allMatch(GateResult::passed);
    assertThat(Gates.invalid(gates)).isFalse();
  }

  @Test
  void anUnmeetableSloFailsNamingTheGateItsThresholdAndTheMeasuredValue() {
    LoadSettings.Sla unmeetable = new LoadSettings.Sla(1.0, 500, 1000, 4000, 1, 50, 250);

    List<GateResult> gates = Gates.evaluate(
        List.of(flow(IronVestValidationChain.NAME, 100, repeat(600, 100), Map.of())), unmeetable, CALM_STUB);

    GateResult p95 = gate(gates, "IronVest validation time to verdict p95");
    assertThat(p95.passed()).isFalse();
    assertThat(p95.message()).isEqualTo(
        "gate 'IronVest validation time to verdict p95' failed: threshold at most 1 ms, measured 600 ms");
  }

  @Test
  void failuresDeadlineMissesAndUnfinishedFlowsCountAgainstTheFailedFlowsGate() {
    FlowResult flow = flow(CyberArkVerificationChain.NAME, 100, repeat(2000, 97), Map.of(FlowRecorder.DEADLINE, 1L, "Poll check failed", 1L));

    GateResult failed = gate(Gates.evaluate(List.of(flow), SLA, CALM_STUB), "CyberArk verification failed flows");

    assertThat(flow.unfinished()).isEqualTo(1);
    assertThat(flow.deadlineMisses()).isEqualTo(1);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.measured()).isEqualTo("3.00 % (3 of 100)");
  }

  @Test
  void aFlowWithoutAnyVerdictFailsRatherThanPassingOnEmptyPercentiles() {
    List<GateResult> gates = Gates.evaluate(List.of(flow(CyberArkVerificationChain.NAME, 0, new long[0], Map.of())), SLA, List.of());

    assertThat(gate(gates, "CyberArk verification verdicts").passed()).isFalse();
    assertThat(gate(gates, "CyberArk verification time to verdict p95").measured()).isEqualTo("no verdict");
    assertThat(gates).noneMatch(gate -> gate.name().startsWith("stub"));
  }

  @Test
  void aStubAnsweringLaterThanConfiguredMarksTheRunSaturatedAndInvalid() throws Exception {
    String stats = """
        {"endpoints": {
          "cyberark.StartAuthentication": {"requests": 900, "answersTimed": 900, "lagMs": {"p50": 2, "p95": 40, "p99": 180, "max": 900}},
          "ironvest.validate": {"requests": 900, "answersTimed": 900, "lagMs": {"p50": 1, "p95": 3, "p99": 9, "max": 20}}}}""";
    StubHealth overloaded = StubHealth.parse(new ObjectMapper().readTree(stats));

    List<GateResult> gates = Gates.evaluate(
        List.of(flow(IronVestValidationChain.NAME, 100, repeat(600, 100), Map.of())), SLA, List.of(overloaded));

    GateResult stub = gate(gates, "stub not saturated (lag p99 of every endpoint)");
    assertThat(stub.passed()).isFalse();
    assertThat(stub.measured()).isEqualTo("180 ms (cyberark.StartAuthentication, 900 answers): " + Gates.SATURATED);
    assertThat(Gates.invalid(gates)).isTrue();
  }

  @Test
  void oneSaturatedReplicaOfAReplicatedStubInvalidatesTheRunThoughTheMergedFiguresLookFine() throws Exception {
    // the merged p99 is the healthy majority's; the second replica's own is what the guard must see
    String stats = """
        {"endpoints": {"ironvest.validate": {"requests": 3000, "answersTimed": 3000, "lagMs": {"p99": 8}}},
         "replicas": [
           {"id": "a1", "endpoints": {"ironvest.validate": {"requests": 1500, "answersTimed": 1500, "lagMs": {"p99": 4}}}},
           {"id": "b2", "endpoints": {"ironvest.validate": {"requests": 1500, "answersTimed": 1500, "lagMs": {"p99": 240}}}}]}""";
    List<GateResult> gates = Gates.evaluate(List.of(flow(IronVestValidationChain.NAME, 100, repeat(600, 100),
        Map.of())), SLA, List.of(StubHealth.parse(new ObjectMapper().readTree(stats))));

    GateResult stub = gate(gates, "stub not saturated (lag p99 of every endpoint)");
    assertThat(stub.passed()).isFalse();
    assertThat(stub.measured()).startsWith("240 ms (ironvest.validate on replica b2, 1500 answers)");
  }

  @Test
  void aQuietTinyRunIsValidAndSaysItsLagWasNotJudged() throws Exception {
    // seven flows on a fresh JVM: the p99 of seven answers is the slowest one, the first request of a cold JVM
    String stats = """
        {"endpoints": {
          "cyberark.StartAuthentication": {"requests": 7, "answersTimed": 7, "lagMs": {"p99": 54, "max": 54}}}}""";
    List<GateResult> gates = Gates.evaluate(List.of(flow(CyberArkVerificationChain.NAME, 7, repeat(900, 7),
        Map.of())), SLA, List.of(StubHealth.parse(new ObjectMapper().readTree(stats))));

    GateResult stub = gate(gates, "stub not saturated (lag p99 of every endpoint)");
    assertThat(stub.passed()).isTrue();
    assertThat(stub.measured()).startsWith("not judged: too few answers (at most 7 per endpoint");
    assertThat(Gates.invalid(gates)).isFalse();
  }

  @Test
  void everyRequestNameHasItsResponseTimeGatesAndTheRunItsFailedRequestsGate() {
    Histogram times = FlowResult.histogram();
    for (int i = 0; i < 100; i++) {
      times.recordValue(i < 90 ? 100 : 700);
    }
    FlowResult flow = new FlowResult(IronVestValidationChain.NAME, 100, times.copy(), times.copy(), Map.of(),
        Map.of(), Map.of("IronVestValidation/Validate", new RequestResult("IronVestValidation/Validate", 98, 2,
            times)));

    List<GateResult> gates = Gates.evaluate(List.of(flow), SLA, List.of());

    assertThat(gate(gates, "IronVestValidation/Validate response time p95").measured())
        .isEqualTo("700 ms (100 answers)");
    assertThat(gate(gates, "IronVestValidation/Validate response time p95").passed()).isFalse();
    assertThat(gate(gates, "failed requests").measured()).isEqualTo("2.00 % (2 of 100)");
    assertThat(gate(gates, "failed requests").passed()).isFalse();
  }

  @Test
  void aGateBrokenByOneGeneratorsStubBreaksTheWholeVerdict() {
    StubHealth slow = new StubHealth(Map.of("ironvest.validate", new StubHealth.Lag(400, 5_000)), null);

    List<GateResult> gates = Gates.evaluate(List.of(flow(IronVestValidationChain.NAME, 100, repeat(600, 100),
        Map.of())), SLA, List.of(CALM_STUB.get(0), slow, CALM_STUB.get(0)));

    assertThat(gates).filteredOn(gate -> gate.name().startsWith("stub not saturated")).hasSize(3);
    assertThat(gate(gates, "stub not saturated (lag p99 of every endpoint) of generator 1").passed()).isFalse();
    assertThat(Gates.invalid(gates)).isTrue();
  }

  @Test
  void unreadableStubStatsFailTheGuardInsteadOfPassingIt() {
    GateResult stub = Gates.stubGate(new StubHealth(Map.of(), "stub stats unreadable: connection refused"), 50);

    assertThat(stub.passed()).isFalse();
    assertThat(stub.measured()).contains("connection refused");
  }

  @Test
  void stressReportsTheRateWhereAGateBrokeForGoodNotAWarmUpBlip() {
    Injection ramp = new Injection(LoadProfile.STRESS, 10, 110, java.time.Duration.ofSeconds(100), java.time.Duration.ZERO);
    FlowResult flow = new FlowResult(IronVestValidationChain.NAME, 300, new Histogram(3), new Histogram(3), Map.of(), Map.of(
        0L, FlowResult.Window.of(50, 0, 2500),
        5L, FlowResult.Window.of(60, 0, 1900),
        10L, FlowResult.Window.of(70, 0, 2600),
        15L, FlowResult.Window.of(10, 60, 3000)));

    StressBreakpoint breakpoint = StressBreakpoint.find(List.of(flow), SLA, ramp);

    assertThat(breakpoint.gate()).isEqualTo("time to verdict p95");
    assertThat(breakpoint.windowStartSeconds()).isEqualTo(10);
    assertThat(breakpoint.usersPerSec()).isEqualTo(20.0);
  }

  @Test
  void aGeneratorThatFellBehindMakesTheRunInvalidNamingItsLag() {
    GateResult starved = Gates.generatorGate(new GeneratorHealth(2900, 3000, 150, 0.12), 250, " of generator 1");
    GateResult steady = Gates.generatorGate(new GeneratorHealth(3, 40, 150, 0.3), 250, "");

    assertThat(starved.passed()).isFalse();
    assertThat(starved.name()).isEqualTo("load generator not saturated (lag p99 of a 100 ms tick) of generator 1");
    assertThat(starved.measured()).isEqualTo("2900 ms (max 3000 ms over 150 ticks, CPU 12 % of the cores): "
        + "invalid: the load generator was saturated of generator 1");
    assertThat(Gates.invalid(java.util.List.of(starved))).isTrue();
    assertThat(steady.passed()).isTrue();
    assertThat(Gates.invalid(java.util.List.of(steady))).isFalse();
  }
}
