package dev.idvharness.load;

import dev.idvharness.config.LoadProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The open-file budget of a profile: one line naming the limit and the fix, before any traffic. */
class ResourceBudgetTest {

  private static final Injection LOAD = new Injection(LoadProfile.LOAD, 0, 100, Duration.ofSeconds(10), Duration.ofSeconds(60));
  private static final Injection STRESS = new Injection(LoadProfile.STRESS, 20, 5000, Duration.ofSeconds(120), Duration.ZERO);

  @Test
  void aLimitBelowThePeakOfAFixedProfileIsRefusedWithTheFix() {
    // 100 flows/s x 30 s = 3,000 connections + 256
    assertThatThrownBy(() -> ResourceBudget.checkFiles(LOAD, 30_000, 2_048))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the load profile needs up to 3256 open files (100 flows/s x 30000 ms per flow, one connection"
            + " each, + 256); this process may open 2048: raise the limit (ulimit -n 3256) or lower the rate");
    assertThatCode(() -> ResourceBudget.checkFiles(LOAD, 30_000, 3_256)).doesNotThrowAnyException();
  }

  @Test
  void aStressRampNeedsOnlyItsStartTheGuardStopsItBeforeTheLimit() {
    assertThatCode(() -> ResourceBudget.checkFiles(STRESS, 30_000, 1_024)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ResourceBudget.checkFiles(STRESS, 30_000, 512)).hasMessageContaining("ulimit -n 856");
  }

  @Test
  void aLongDeadlineCountsAtMostAMinutePerFlow() {
    assertThatThrownBy(() -> ResourceBudget.checkFiles(LOAD, 360_000, 2_048)).hasMessageContaining("ulimit -n 6256");
    assertThat(ResourceBudget.flowsInFlight(20, 2_500)).isEqualTo(50);
  }

  @Test
  void thisJvmReadsItsLimitAndItsOpenFiles() {
    assertThat(ResourceBudget.maxOpenFiles()).isPositive();
    assertThat(ResourceBudget.openFiles()).isPositive().isLessThan(ResourceBudget.maxOpenFiles());
  }

  @Test
  void aHeapBelowWhatTheFlowsInFlightHoldIsRefusedWithTheFix() {
    // 100 flows/s x 30 s = 3,000 flows x 32 KiB = 93.75 MiB, + 128 MiB
    assertThatThrownBy(() -> ResourceBudget.checkHeap(LOAD, 30_000, 200L << 20))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the load profile needs about 222 MiB of heap (3000 flows in flight x 32 KiB + 128 MiB); this JVM"
            + " may use 200 MiB: raise it (-Xmx222m) or lower the rate");
    assertThatCode(() -> ResourceBudget.checkHeap(LOAD, 30_000, 222L << 20)).doesNotThrowAnyException();
  }

  @Test
  void thisJvmReportsItsLiveHeapAfterACollection() {
    System.gc();
    assertThat(ResourceBudget.heapLiveBytes()).isPositive().isLessThan(Runtime.getRuntime().maxMemory());
  }
}
