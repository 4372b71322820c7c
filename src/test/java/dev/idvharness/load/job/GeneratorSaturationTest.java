package dev.idvharness.load.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load generator starved on purpose: its process is stopped (SIGSTOP) for three seconds mid-run, so nothing it
 * schedules runs. Its own guard must say the run is invalid, naming the generator's lag, rather than report the
 * latencies it could not have measured: three seconds against a 250 ms threshold, whatever else the machine does.
 */
class GeneratorSaturationTest {

  private static final String SIMULATION = "IronVestValidateSimulation";

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  Path dir;

  @Test
  void aGeneratorStoppedForThreeSecondsSaysItsRunIsInvalidNamingItsLag() throws Exception {
    Path log = dir.resolve("generator.log");
    Process generator = GeneratorProcesses.generator(0, Map.ofEntries(
        Map.entry("LOAD_SIMULATION", "dev.idvharness.load." + SIMULATION),
        Map.entry("LOAD_SMOKE_SECONDS", "8"),
        Map.entry("LOAD_SMOKE_USERS_PER_SEC", "3"),
        Map.entry("LOAD_DRAIN_SECONDS", "20"),
        Map.entry("LOAD_WARMUP_SECONDS", "0"),
        Map.entry("LOAD_IRONVEST_RETRY_AFTER_MS", "100"),
        Map.entry("SLA_MAX_STUB_LAG_MS", "10000"),
        Map.entry("SLA_MAX_GENERATOR_LAG_MS", "250"),
        Map.entry("REPORTS_DIR", dir.resolve("reports").toString()),
        Map.entry("LOAD_RESULTS_DIR", dir.resolve("records").toString()),
        Map.entry("CYBERARK_BASE_URL", stub.baseUrl()),
        Map.entry("IRONVEST_BASE_URL", stub.baseUrl())), log).start();
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(log) && Files.readString(log).contains(SIMULATION + " injects from now"));
      signal("STOP", generator.pid());
      // the starvation itself: the generator is not scheduled at all for this long
      Thread.sleep(3_000);
      signal("CONT", generator.pid());
      assertThat(generator.waitFor(120, TimeUnit.SECONDS)).as("the generator ends by itself").isTrue();
    } finally {
      generator.destroyForcibly();
    }

    JsonNode results = HarnessJson.MAPPER.readTree(RunReportFiles.gatlingDir(dir.resolve("reports")).resolve("results")
        .resolve(SIMULATION + ".json").toFile());
    JsonNode gate = null;
    for (JsonNode candidate : results.path("gates")) {
      if (candidate.path("name").asText().startsWith("load generator not saturated")) {
        gate = candidate;
      }
    }
    assertThat(gate).as("the generator's guard among %s", results.path("gates")).isNotNull();
    assertThat(gate.path("passed").asBoolean()).isFalse();
    assertThat(gate.path("measured").asText()).contains("invalid: the load generator was saturated");
    long lagP99 = Long.parseLong(gate.path("measured").asText().replaceFirst(" ms.*", ""));
    assertThat(lagP99).as("the tick that waited out the stop").isGreaterThanOrEqualTo(2_500);
    assertThat(results.path("valid").asBoolean()).as("the run's validity").isFalse();
  }

  private static void signal(String signal, long pid) throws Exception {
    // bash's own kill: no procps needed on a fresh machine
    Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + pid).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, pid).isTrue();
  }
}
