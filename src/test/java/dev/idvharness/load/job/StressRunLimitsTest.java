package dev.idvharness.load.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stress run driven into the machine's limit on purpose, as a process with a low open-file limit against a stub
 * whose validate takes 2 s: flows pile up, and the run must still end in order with its knee and its reports. Below
 * what the ramp's start needs, the run is refused before any traffic, in one line.
 */
class StressRunLimitsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  Path dir;

  private Map<String, String> stressRun() {
    Map<String, String> environment = new HashMap<>(Map.ofEntries(
        Map.entry("LOAD_SIMULATION", "dev.idvharness.load.IronVestValidateSimulation"),
        Map.entry("LOAD_PROFILE", "stress"),
        // far past what 600 open files carry: only the guard ends this ramp before its 60 s
        Map.entry("LOAD_STRESS_START_USERS_PER_SEC", "20"),
        Map.entry("LOAD_STRESS_END_USERS_PER_SEC", "2000"),
        Map.entry("LOAD_STRESS_SECONDS", "60"),
        Map.entry("LOAD_DRAIN_SECONDS", "4"),
        Map.entry("LOAD_WARMUP_SECONDS", "0"),
        Map.entry("LOAD_IRONVEST_PROCESSING_CALLS", "1"),
        Map.entry("LOAD_IRONVEST_RETRY_AFTER_MS", "100"),
        Map.entry("VALIDATE_DEADLINE_MS", "15000"),
        Map.entry("POLL_DEADLINE_MS", "15000"),
        Map.entry("SLA_MAX_STUB_LAG_MS", "1000"),
        Map.entry("LOAD_RESULTS_DIR", dir.resolve("records").toString()),
        Map.entry("REPORTS_DIR", dir.resolve("reports").toString()),
        Map.entry("CYBERARK_BASE_URL", stub.baseUrl()),
        Map.entry("IRONVEST_BASE_URL", stub.baseUrl())));
    return environment;
  }

  @Test
  void aRampIntoTheOpenFileLimitStopsAtTheKneeAndWritesItsReports() throws Exception {
    stub.admin().putEndpoint("ironvest.validate", "{\"delay\": {\"type\": \"fixed\", \"ms\": 2000}}");
    Path log = dir.resolve("generator.log");
    long started = System.currentTimeMillis();

    Process generator = GeneratorProcesses.generator(600, stressRun(), log).start();

    assertThat(generator.waitFor(90, TimeUnit.SECONDS)).as("the run stops by itself").isTrue();
    long seconds = (System.currentTimeMillis() - started) / 1000;
    String output = Files.readString(log);
    assertThat(generator.exitValue()).as(output).isZero();
    // a ramp that outruns the guard's once-a-second look (a busy machine) may see requests refused at the limit: those
    // are failed flows of the run, counted below; the run itself must not crash nor lose its records
    assertThat(output).contains("load: stress: the knee is clear at second").doesNotContain("Run crashed")
        .doesNotContain("cannot write the load records").doesNotContain("ClassNotFoundException")
        .doesNotContain("NoClassDefFoundError");
    assertThat(seconds).as("ended at the knee, not at the ramp's end").isLessThan(60);
    JsonNode results = HarnessJson.MAPPER.readTree(RunReportFiles.gatlingDir(dir.resolve("reports"))
        .resolve("results").resolve("IronVestValidateSimulation.json").toFile());
    assertThat(results.path("stressStop").path("reason").asText()).isNotBlank();
    assertThat(results.path("stressStop").path("atUsersPerSec").asDouble()).isBetween(20.0, 2000.0);
    JsonNode flow = results.path("flows").path("ironvest");
    // every flow is accounted for: a verdict, a named failure, or unfinished when the drain ran out (failed counts both)
    assertThat(flow.path("started").asLong()).isPositive()
        .isEqualTo(flow.path("count").asLong() + flow.path("failed").asLong());
    System.out.println(output.lines().filter(line -> line.contains("knee is clear")).findFirst().orElse(""));
    assertThat(Files.readString(dir.resolve("reports").resolve("index.html"))).contains("injection stopped at the knee");
  }

  @Test
  void aLimitBelowWhatTheRampsStartNeedsIsRefusedBeforeAnyTraffic() throws Exception {
    Map<String, String> environment = stressRun();
    environment.put("LOAD_STRESS_START_USERS_PER_SEC", "40");
    Path log = dir.resolve("refused.log");
    stub.admin().resetStats();

    Process generator = GeneratorProcesses.generator(600, environment, log).start();

    assertThat(generator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log).strip();
    assertThat(generator.exitValue()).isEqualTo(2);
    // 40 flows/s x 15 s = 600 connections + 256
    assertThat(output).isEqualTo("generator: the stress profile needs up to 856 open files (40 flows/s x 15000 ms"
        + " per flow, one connection each, + 256); this process may open 600: raise the limit (ulimit -n 856) or"
        + " lower the rate");
    assertThat(stub.admin().stats().path("endpoints").path("ironvest.validate").path("requests").asLong())
        .as("no traffic").isZero();
  }
}
