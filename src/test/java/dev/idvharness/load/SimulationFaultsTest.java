package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gatling flows under injected faults (503 bursts, connection resets, answers slower than the request timeout)
 * and with the stub stopped mid-run: the run ends by itself, and every flow it started ends in a verdict or a
 * failure counted under its name.
 */
class SimulationFaultsTest {

  /** A stub of its own per test: the faults a test puts, or its stop, must not outlive it. */
  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  Path dir;

  /** Faster injection than the smoke run, one 503 retry, and no saturation guard: faults are the point here. */
  private Map<String, String> shortRun() {
    Map<String, String> properties = GatlingRun.shortRun(stub.baseUrl(), dir);
    properties.put("load.smokeUsersPerSec", "6");
    properties.put("validate.unavailableRetries", "1");
    properties.put("sla.maxStubLagMs", "100000");
    return properties;
  }

  @Test
  void underFaultsEveryFlowEndsInAVerdictOrANamedFailure() throws Exception {
    stub.admin().putProfile("""
        {"endpoints": {
           "ironvest.validate": {"faults": {"unavailableRate": 0.3, "resetRate": 0.05, "stallRate": 0.03}},
           "cyberark.SendIdentityVerification.Poll": {"faults": {"unavailableRate": 0.1, "resetRate": 0.05}}},
         "faults": {"stallMs": 15000, "retryAfterSeconds": 0},
         "ironvest": {"processingCalls": 1, "retryAfterMs": 100}}""");

    GatlingRun run = GatlingRun.of(RolloutSimulation.class, shortRun(), dir);

    long failures = 0;
    for (JsonNode flow : run.results().path("flows")) {
      assertEveryStartedFlowIsAccounted(flow);
      failures += flow.path("failed").asLong();
    }
    assertThat(failures).as("faults injected at these rates fail some flows").isPositive();
  }

  @Test
  void aStubStoppedMidRunEndsTheRunWithTheFailuresCounted() throws Exception {
    Map<String, String> properties = shortRun();
    properties.put("load.drainSeconds", "5");
    ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
    stopper.schedule(stub::stop, 1500, TimeUnit.MILLISECONDS);
    try {
      GatlingRun run = GatlingRun.of(IronVestValidateSimulation.class, properties, dir);

      JsonNode flow = run.results().path("flows").path("ironvest");
      assertEveryStartedFlowIsAccounted(flow);
      assertThat(flow.path("failed").asLong()).isPositive();
    } finally {
      stopper.shutdownNow();
    }
  }

  /** No flow is left hanging: each reached its verdict or failed under a name before the run stopped. */
  private static void assertEveryStartedFlowIsAccounted(JsonNode flow) {
    assertThat(flow.path("started").asLong()).as(flow.toString()).isPositive();
    assertThat(flow.path("unfinished").asLong()).as("flows still running when the run stopped: " + flow).isZero();
    long named = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = flow.path("failures").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> failure = it.next();
      assertThat(failure.getKey()).isNotBlank();
      named += failure.getValue().asLong();
    }
    assertThat(named + flow.path("count").asLong()).as(flow.toString()).isEqualTo(flow.path("started").asLong());
  }
}
