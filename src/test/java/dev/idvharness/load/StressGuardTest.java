package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.HarnessConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the guard ends a stress ramp: flows piling up, files running out; and when the run may end. */
class StressGuardTest {

  private static final long START = 1_000_000;

  // 10 -> 110 flows/s over 100 s: 1 flow/s more each second
  private final LoadSettings settings = LoadSettings.from(HarnessConfig.from(Map.of("load.profile", "stress",
      "load.stressStartUsersPerSec", "10", "load.stressEndUsersPerSec", "110", "load.stressSeconds", "100",
      "load.drainSeconds", "5", "cyberark.baseUrl", "http://127.0.0.1:1", "ironvest.baseUrl", "http://127.0.0.1:1"),
      Map.of(), Map.of()));
  private final StressGuard guard = new StressGuard(settings, 2_000);

  private void check(long second, long inFlight, long openFiles, long maxFiles) {
    guard.check(START + second * 1000, START, inFlight, List::of, () -> openFiles, maxFiles, () -> 1L << 20,
        1L << 30);
  }

  @Test
  void flowsInFlightWithinTwiceLittlesBoundKeepTheInjectionGoing() {
    // at second 40: 50 flows/s x 2 s = 100 in flight when every flow takes its deadline; the bound is twice that
    check(40, 200, 300, 20_000);

    assertThat(guard.injecting()).isTrue();
    assertThat(guard.stop()).isNull();
  }

  @Test
  void moreFlowsInFlightThanTheRateAndDeadlineAllowStopTheInjection() {
    check(40, 201, 300, 20_000);

    assertThat(guard.injecting()).isFalse();
    assertThat(guard.stop().reason()).isEqualTo("201 flows in flight, beyond the 200 that 50.0 flows/s with a 2000 ms"
        + " deadline allow");
    assertThat(guard.stop().atSecond()).isEqualTo(40);
    assertThat(guard.stop().usersPerSec()).isEqualTo(50.0);
  }

  @Test
  void nearingTheOpenFileLimitStopsTheInjection() {
    check(40, 10, 801, 1_000);

    assertThat(guard.stop().reason()).isEqualTo("the machine's limit: 801 of 1000 open files");
  }

  @Test
  void liveHeapNearTheLimitStopsTheInjection() {
    guard.check(START + 40_000, START, 10, List::of, () -> 300, 20_000, () -> 850L << 20, 1_000L << 20);

    assertThat(guard.stop().reason()).isEqualTo("the machine's limit: 850 of 1000 MiB of heap live");
  }

  @Test
  void theFirstStopStaysTheKnee() {
    check(40, 201, 300, 20_000);
    check(60, 10, 999, 1_000);

    assertThat(guard.stop().atSecond()).isEqualTo(40);
  }

  @Test
  void theRunMayEndWhenTheFlowsInFlightAreDoneOrTheDrainIsOver() {
    guard.checkDrained(START, 0);
    assertThat(guard.isDrained()).as("still injecting").isFalse();

    check(40, 201, 300, 20_000);
    long stoppedAt = START + 40_000;
    guard.checkDrained(stoppedAt + 1_000, 150);
    assertThat(guard.isDrained()).isFalse();
    guard.checkDrained(stoppedAt + 2_000, 0);
    assertThat(guard.isDrained()).isTrue();
    guard.checkDrained(stoppedAt + 1_000, 150);
    guard.checkDrained(stoppedAt + 5_000, 150);
    assertThat(guard.isDrained()).as("the drain time is over: the rest counts as unfinished").isTrue();
  }
}
