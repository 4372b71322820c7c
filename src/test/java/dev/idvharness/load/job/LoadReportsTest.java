package dev.idvharness.load.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's report step: Gatling's HTML report is copied and linked (never read), the summary holds the gates of
 * the last run only, and the index and the verdict say what broke with the measured value.
 */
class LoadReportsTest {

  @TempDir
  Path dir;

  @Test
  void theReportsHoldOneRunLinkGatlingsPageAndTheVerdictNamesTheMeasuredValue() throws Exception {
    Path gatlingResults = dir.resolve("target-gatling");
    Path run = Files.createDirectories(gatlingResults.resolve("ironvestvalidatesimulation-20261121233635799"));
    Files.writeString(run.resolve("index.html"), "<html>Gatling's own page: never parsed</html>");
    Path reports = dir.resolve("reports");
    Path results = Files.createDirectories(RunReportFiles.gatlingDir(reports).resolve("results"));
    Files.writeString(results.resolve("IronVestValidateSimulation.json"), """
        {"simulation": "IronVestValidateSimulation", "runId": "main-2", "profile": "smoke", "valid": true, "flows": {},
         "gates": [{"name": "IronVestValidation/Validate response time p95", "threshold": "at most 500 ms",
                    "measured": "650 ms (100 answers)", "passed": false, "source": "harness"}]}""");
    Files.writeString(results.resolve("RolloutSimulation.json"), """
        {"simulation": "RolloutSimulation", "runId": "main-1", "profile": "smoke", "valid": true, "flows": {},
         "gates": []}""");
    Path olderRun = Files.createDirectories(RunReportFiles.gatlingDir(reports)
        .resolve("rolloutsimulation-20261120101010101"));
    Files.writeString(olderRun.resolve("index.html"), "<html>an older run's page</html>");
    // a conformance run of another build: its counts must not pass for this run's
    Files.createDirectories(reports.resolve("cucumber"));
    Files.writeString(reports.resolve("cucumber/index.html"), "<html></html>");
    Files.writeString(reports.resolve("cucumber/summary.txt"), "conformance: 40 scenario(s) ran: 40 passed, 0 failed;"
        + " 88 not run\nconformance run: main-1 at 2026-11-20T10:00:00Z\n");

    Path index = LoadReports.collect(gatlingResults, reports, "main-2");

    JsonNode summary = HarnessJson.MAPPER.readTree(RunReportFiles.gatlingDir(reports).resolve("summary.json").toFile());
    assertThat(summary.path("runId").asText()).isEqualTo("main-2");
    JsonNode simulations = summary.path("simulations");
    assertThat(simulations.has("RolloutSimulation")).as("a result of another run is not shown as this one").isFalse();
    assertThat(results.resolve("RolloutSimulation.json")).doesNotExist();
    assertThat(simulations.path("IronVestValidateSimulation").path("gatlingReport").asText())
        .isEqualTo("gatling/ironvestvalidatesimulation-20261121233635799/index.html");
    assertThat(RunReportFiles.gatlingDir(reports).resolve("ironvestvalidatesimulation-20261121233635799/index.html"))
        .exists();
    assertThat(Files.readString(RunReportFiles.gatlingDir(reports).resolve("gates.xml")))
        .contains("tests=\"1\" failures=\"1\"");
    assertThat(olderRun).as("an older run's Gatling report").doesNotExist();
    assertThat(Files.readString(index))
        .contains("40 scenario(s) ran: 40 passed, 0 failed; 88 not run <strong>(not this load run: the conformance"
            + " run main-1 at 2026-11-20T10:00:00Z)</strong>")
        .contains("FAIL</span>: 1 of 1 load gates broken")
        .contains("650 ms (100 answers)")
        .contains("href=\"gatling/ironvestvalidatesimulation-20261121233635799/index.html\"");
    assertThat(LoadVerdict.problems(simulations, List.of("IronVestValidateSimulation", "RolloutSimulation")))
        .containsExactly(
            "RolloutSimulation: no results (did it run? see the Gatling output above)",
            "IronVestValidateSimulation: gate 'IronVestValidation/Validate response time p95' failed: threshold"
                + " at most 500 ms, measured 650 ms (100 answers)");
  }

  @Test
  void aSimulationThatLeftNoResultsGetsAFailingGateAndItsGatlingReportLinked() throws Exception {
    Path gatlingResults = dir.resolve("target-gatling");
    Files.createDirectories(gatlingResults.resolve("rolloutsimulation-20261121233635799"));
    Path reports = dir.resolve("reports");

    LoadReports.collect(gatlingResults, reports, "main-3");

    JsonNode rollout = RunReportFiles.readSummary(reports).path("simulations").path("rolloutsimulation");
    assertThat(rollout.path("valid").asBoolean(true)).isFalse();
    assertThat(rollout.path("gatlingReport").asText()).isEqualTo("gatling/rolloutsimulation-20261121233635799/index.html");
    assertThat(rollout.path("gates").get(0).path("name").asText()).isEqualTo("records of the run written");
    assertThat(rollout.path("gates").get(0).path("passed").asBoolean(true)).isFalse();
  }
}
