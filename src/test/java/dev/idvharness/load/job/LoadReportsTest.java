package dev.idvharness.load.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.load.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's report step: Gatling's assertion table into gates, the index, and the verdict's wording. */
class LoadReportsTest {

  /** Two rows as Gatling 3.15 writes them in the Assertions table of its index.html. */
  static final String GATLING_ASSERTIONS = """
      <table id="container_assertions" class="statistics-in extensible-geant"><tbody>
      <tr>
        <td class="error-col-1 ok total">
          Global: percentage of failed events is less than 1.0
          <span class="value" style="display:none">0</span>
        </td>
        <td class="error-col-2 value ok total">OK</td>
      </tr>
      <tr>
        <td class="error-col-1 ko total">
          IronVestValidation / Validate: 95th percentile of response time is less than or equal to 500.0
          <span class="value" style="display:none">1</span>
        </td>
        <td class="error-col-2 value ko total">KO</td>
      </tr>
      </tbody></table>""";

  @TempDir
  Path dir;

  @Test
  void gatlingAssertionsBecomeGatesOfTheirSimulationAndTheIndexShowsTheVerdict() throws Exception {
    Path gatlingResults = dir.resolve("target-gatling");
    Path run = Files.createDirectories(gatlingResults.resolve("ironvestvalidatesimulation-20261121233635799"));
    Files.writeString(run.resolve("index.html"), GATLING_ASSERTIONS);
    Path reports = dir.resolve("reports");
    Path results = Files.createDirectories(RunReport.gatlingDir(reports).resolve("results"));
    Files.writeString(results.resolve("IronVestValidateSimulation.json"), """
        {"simulation": "IronVestValidateSimulation", "profile": "smoke", "valid": true, "flows": {},
         "gates": [{"name": "IronVest validation time to verdict p95", "threshold": "at most 2000 ms",
                    "measured": "650 ms", "passed": true, "source": "harness"}]}""");

    LoadReports.collect(gatlingResults, reports);
    Path index = ReportIndex.write(reports);

    JsonNode summary = RunReport.JSON.readTree(RunReport.gatlingDir(reports).resolve("summary.json").toFile())
        .path("simulations");
    JsonNode gates = summary.path("IronVestValidateSimulation").path("gates");
    assertThat(gates).hasSize(3);
    assertThat(gates.get(2).path("name").asText()).isEqualTo("IronVestValidation / Validate: 95th percentile of"
        + " response time");
    assertThat(gates.get(2).path("threshold").asText()).isEqualTo("less than or equal to 500.0");
    assertThat(gates.get(2).path("passed").asBoolean()).isFalse();
    assertThat(RunReport.gatlingDir(reports).resolve("ironvestvalidatesimulation-20261121233635799/index.html"))
        .exists();
    assertThat(Files.readString(RunReport.gatlingDir(reports).resolve("gates.xml")))
        .contains("tests=\"3\" failures=\"1\"");
    assertThat(Files.readString(index))
        .contains("FAIL</span>: 1 of 3 load gates broken")
        .contains("href=\"gatling/ironvestvalidatesimulation-20261121233635799/index.html\"");
    assertThat(LoadVerdict.problems(summary, List.of("IronVestValidateSimulation", "RolloutSimulation")))
        .containsExactly(
            "RolloutSimulation: no results (did it run? see the Gatling output above)",
            "IronVestValidateSimulation: gate 'IronVestValidation / Validate: 95th percentile of response time'"
                + " failed: threshold less than or equal to 500.0, measured outside (value in the Gatling report)");
  }
}
