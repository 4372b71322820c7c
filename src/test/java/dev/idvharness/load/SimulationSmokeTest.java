package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.load.job.LoadReports;
import dev.idvharness.load.job.LoadVerdict;
import dev.idvharness.report.RunReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each simulation, run for a few seconds by Gatling against a stub server on a free port, end to end: the flows reach
 * their verdicts, the results and gates are written, and a stub slower than the SLO fails the time-to-verdict gate.
 */
class SimulationSmokeTest {

  /** A stub of its own per test, with the repository's default profile (its latencies) unless the test puts one. */
  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().build();

  @TempDir
  Path dir;

  private Map<String, String> smoke() {
    return GatlingRun.shortRun(stub.baseUrl(), dir);
  }

  @Test
  void eachSimulationReachesItsVerdictsAndPassesItsGates() throws Exception {
    for (Class<? extends LoadSimulation> simulation : List.of(CyberArkVerificationSimulation.class,
        IronVestValidateSimulation.class, RolloutSimulation.class)) {
      GatlingRun run = GatlingRun.of(simulation, smoke(), dir);

      assertThat(run.status()).as(simulation.getSimpleName() + " Gatling status (assertions)").isZero();
      assertThat(run.results().path("valid").asBoolean()).isTrue();
      assertThat(run.results().path("gates")).allMatch(gate -> gate.path("passed").asBoolean());
      for (JsonNode flow : run.results().path("flows")) {
        assertThat(flow.path("count").asLong()).isGreaterThan(5).isEqualTo(flow.path("started").asLong());
        assertThat(flow.path("timeToVerdictMs").path("p95").asLong()).isPositive();
      }
    }
    // a simulation writes only its own results: the run's shared reports are the report step's, once, at the end
    assertThat(RunReportFiles.gatlingDir(dir).resolve("summary.json")).doesNotExist();
    assertThat(dir.resolve("index.html")).doesNotExist();
    LoadReports.collect(dir.resolve("gatling-results"), dir, smoke().get("load.runId"));
    JsonNode summary = HarnessJson.MAPPER.readTree(RunReportFiles.gatlingDir(dir).resolve("summary.json").toFile());
    assertThat(summary.path("simulations").size()).isEqualTo(3);
    int gates = 0;
    for (JsonNode simulation : summary.path("simulations")) {
      gates += simulation.path("gates").size();
      assertThat(simulation.path("runId").asText()).isEqualTo(summary.path("runId").asText());
      assertThat(simulation.path("gates")).as("a gate per request name and percentile")
          .anyMatch(gate -> gate.path("name").asText().endsWith(" response time p99"));
    }
    assertThat(Files.readString(RunReportFiles.gatlingDir(dir).resolve("gates.xml")))
        .contains("<testsuites name=\"load gates\" tests=\"" + gates + "\" failures=\"0\">");
    // the stub's client report of each simulation: in its results, as JUnit XML (5 kinds each), in the index
    for (JsonNode simulation : summary.path("simulations")) {
      assertThat(simulation.path("clients").path("kinds")).hasSize(5);
      assertThat(simulation.path("clients").path("clients")).as("the clients the stub saw").isNotEmpty();
    }
    assertThat(Files.readString(RunReportFiles.gatlingDir(dir).resolve("clients.xml")))
        .contains("<testsuites name=\"stub client report\" tests=\"15\"");
    assertThat(Files.readString(dir.resolve("index.html"))).contains("Client report (what the stub saw the clients do)");
    assertThat(Files.readString(RunReportFiles.gatlingDir(dir).resolve("histograms/RolloutSimulation.hlog")))
        .contains("Tag=cyberark,").contains("Tag=ironvest,");
    assertTheIndexChartsCarryTheRunsData(summary.path("simulations").path("RolloutSimulation"),
        Files.readString(dir.resolve("index.html")));
  }

  /**
   * What real clients meet, for every user at once: each tenant lives on another pod (StartAuthentication answers
   * PodFqdn, the flow repeats it there) and each gets a NewPackage after the password; every flow still ends in a
   * verdict, with no failure counted.
   */
  @Test
  void cyberArkFlowsFollowPodFqdnAndRestartOnANewPackageWithoutAFailure() throws Exception {
    Map<String, String> properties = smoke();
    properties.put("load.cyberarkOtherPodShare", "1");
    properties.put("load.cyberarkNewPackageShare", "1");

    GatlingRun run = GatlingRun.of(CyberArkVerificationSimulation.class, properties, dir);

    assertThat(run.status()).as("Gatling status").isZero();
    JsonNode flow = run.results().path("flows").path(CyberArkVerificationChain.NAME);
    assertThat(flow.path("count").asLong()).isGreaterThan(5).isEqualTo(flow.path("started").asLong());
    assertThat(flow.path("failed").asLong()).isZero();
    JsonNode requests = run.results().path("requests");
    // two StartAuthentication calls per flow: the first names the pod, the second opens the session there
    assertThat(requests.path(CyberArkVerificationChain.GROUP + "/StartAuthentication").path("ok").asLong()).isEqualTo(2 * flow.path("count").asLong());
    // after the NewPackage, the OOB challenge is the new package's first: one StartOOB per flow
    assertThat(requests.path(CyberArkVerificationChain.GROUP + "/StartOOB").path("ok").asLong()).isEqualTo(flow.path("count").asLong());
    assertThat(requests.path(CyberArkVerificationChain.GROUP + "/Answer").path("ko").asLong() + requests.path(CyberArkVerificationChain.GROUP + "/Poll").path("ko").asLong()).isZero();
  }

  private static String flowName(JsonNode rollout, JsonNode flow) {
    java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = rollout.path("flows").fields();
    while (it.hasNext()) {
      java.util.Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue() == flow) {
        return entry.getKey();
      }
    }
    return "?";
  }

  /** The pictures are drawn from this run's numbers: one point per percentile, one bar per request percentile. */
  private static void assertTheIndexChartsCarryTheRunsData(JsonNode rollout, String wholeIndex) {
    // the index has a section per simulation, each with curves of the same titles: RolloutSimulation's is the one
    String index = wholeIndex.substring(wholeIndex.indexOf("<h2>RolloutSimulation</h2>"));
    for (JsonNode flow : rollout.path("flows")) {
      int points = flow.path("percentileCurve").size();
      assertThat(points).as("a percentile curve").isGreaterThan(5);
      java.util.regex.Matcher curve = java.util.regex.Pattern.compile("<title>time to verdict of "
          + java.util.regex.Pattern.quote(flowName(rollout, flow)) + ", by percentile</title>.*?"
          + "<g class='series' data-series='time to verdict' data-points='(\\d+)'><g [^>]*><path d='([^']+)'")
          .matcher(index);
      assertThat(curve.find()).as("the curve of %s in %s", flowName(rollout, flow), index).isTrue();
      assertThat(Integer.parseInt(curve.group(1))).as("one point per percentile").isEqualTo(points);
      // the path drawn: a move to the first point, then a line to each next one
      assertThat(curve.group(2).chars().filter(c -> c == 'M' || c == 'L').count()).isEqualTo(points);
      assertThat(index).contains("gate p95 " + flow.path("verdictP95LimitMs").asLong() + " ms");
    }
    rollout.path("requests").fields().forEachRemaining(request -> {
      for (String percentile : new String[] {"p50", "p95", "p99"}) {
        assertThat(index).as("%s %s bar", request.getKey(), percentile).contains("jfreesvg:ref='{&quot;rowKey&quot;: "
            + "&quot;" + percentile + "&quot;, &quot;columnKey&quot;: &quot;" + request.getKey() + "&quot;}'");
        assertThat(index).contains(">" + request.getValue().path(percentile).asLong() + " ms</text>");
      }
    });
    assertThat(index).contains("data-series='cyberark verdicts/s'").contains("data-series='ironvest verdicts/s'")
        .contains("data-series='generator worst tick lag (ms)'")
        // nothing is fetched when the page opens (the SVG namespaces are names, not addresses)
        .doesNotContainPattern("(src|href|url)\\s*[=(]\\s*['\"]?https?://");
  }

  @Test
  void aStubSlowerThanTheSloFailsTheTimeToVerdictGateNamingThresholdAndValue() throws Exception {
    stub.admin().putProfile("""
        {"endpoints": {"ironvest.validate": {"delay": {"type": "fixed", "ms": 300}}},
         "ironvest": {"processingCalls": 1, "retryAfterMs": 100}}""");
    Map<String, String> properties = smoke();
    properties.put("sla.ironvestVerdictP95Ms", "600");

    GatlingRun run = GatlingRun.of(IronVestValidateSimulation.class, properties, dir);

    JsonNode gate = run.gate("IronVest validation time to verdict p95");
    assertThat(gate.path("passed").asBoolean()).isFalse();
    assertThat(gate.path("threshold").asText()).isEqualTo("at most 600 ms");
    // three validates of 300 ms and the pauses between them: at least 900 ms, whatever the machine does
    assertThat(Long.parseLong(gate.path("measured").asText().replace(" ms", ""))).isGreaterThan(900);
    assertThat(run.gate("IronVest validation failed flows").path("passed").asBoolean()).isTrue();
    JsonNode simulations = HarnessJson.MAPPER.createObjectNode().set("IronVestValidateSimulation", run.results());
    assertThat(LoadVerdict.problems(simulations, List.of("IronVestValidateSimulation"))).singleElement().asString()
        .startsWith("IronVestValidateSimulation: gate 'IronVest validation time to verdict p95' failed:"
            + " threshold at most 600 ms, measured ");
  }

  /**
   * One statistics engine for the verdict: a broken response-time gate is the harness's, and Gatling's own
   * assertions are declared only for Gatling Enterprise (load.gatlingAssertions), where they are the only verdict.
   */
  @Test
  void gatlingsOwnAssertionsAreDeclaredOnlyWhenAskedFor() throws Exception {
    stub.admin().putProfile("""
        {"endpoints": {"ironvest.validate": {"delay": {"type": "fixed", "ms": 300}}},
         "ironvest": {"processingCalls": 0}}""");
    Map<String, String> properties = smoke();
    // every validate takes at least 300 ms: a p95 gate of 100 ms breaks whatever the machine does
    properties.put("sla.p95Ms", "100");

    GatlingRun harnessOnly = GatlingRun.of(IronVestValidateSimulation.class, properties, dir);
    properties.put("load.gatlingAssertions", "true");
    GatlingRun withGatlings = GatlingRun.of(IronVestValidateSimulation.class, properties, dir);

    String gate = IronVestValidationChain.GROUP + "/Validate response time p95";
    assertThat(harnessOnly.gate(gate).path("passed").asBoolean()).isFalse();
    assertThat(harnessOnly.status()).as("no Gatling assertion was declared, so none failed").isZero();
    assertThat(withGatlings.gate(gate).path("passed").asBoolean()).isFalse();
    assertThat(withGatlings.status()).as("Gatling's own p95 assertion failed").isNotZero();
  }
}
