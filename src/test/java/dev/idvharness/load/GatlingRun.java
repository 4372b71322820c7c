package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.RunReportFiles;
import io.gatling.app.Gatling$;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: one simulation run by Gatling inside the test JVM, configured through system properties (the way the
 * plugin passes -D to its fork), which are restored afterwards. Returns Gatling's status and the results written.
 */
record GatlingRun(int status, JsonNode results) {

  static GatlingRun of(Class<? extends LoadSimulation> simulation, Map<String, String> properties, Path dir)
      throws IOException {
    Map<String, String> previous = new HashMap<>();
    properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      int status = Gatling$.MODULE$.fromArgs(new String[] {
          "-s", simulation.getName(), "-rf", dir.resolve("gatling-results").toString(), "-nr"});
      Path results = RunReportFiles.gatlingDir(dir).resolve("results").resolve(simulation.getSimpleName() + ".json");
      return new GatlingRun(status, HarnessJson.MAPPER.readTree(results.toFile()));
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }

  /**
   * A short, bounded run against a stub in this JVM: 3 s of injection at 4 flows/s, fast approvals and polls, 15 s at
   * most, and latency gates far above any noise (a test that wants a gate broken sets its own, far below its delay). The stub shares the JVM and two cores with Gatling and the build, so its saturation guard is tested in
   * GatesTest instead.
   */
  static Map<String, String> shortRun(String stubUrl, Path dir) {
    Map<String, String> properties = new HashMap<>();
    properties.put("cyberark.baseUrl", stubUrl);
    properties.put("ironvest.baseUrl", stubUrl);
    properties.put("reports.dir", dir.toString());
    properties.put("load.resultsDir", dir.resolve("records").toString());
    // the simulations of one test share a run, as those of one main job do
    properties.put("load.runId", "test-" + dir.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "").replaceFirst(
        "^(.{0,30}).*$", "$1"));
    properties.put("load.profile", "smoke");
    properties.put("load.smokeSeconds", "3");
    properties.put("load.smokeUsersPerSec", "4");
    properties.put("load.drainSeconds", "12");
    properties.put("load.cyberarkApprovalMs", "300");
    properties.put("poll.intervalMs", "200");
    properties.put("load.ironvestRetryAfterMs", "100");
    // gates ten times wider than a busy machine's noise: these runs test the plumbing, not this machine's speed
    properties.put("sla.maxStubLagMs", "10000");
    properties.put("sla.p95Ms", "10000");
    properties.put("sla.p99Ms", "20000");
    properties.put("sla.cyberarkVerdictP95Ms", "30000");
    properties.put("sla.ironvestVerdictP95Ms", "30000");
    return properties;
  }

  JsonNode gate(String name) {
    for (JsonNode gate : results.path("gates")) {
      if (gate.path("name").asText().equals(name)) {
        return gate;
      }
    }
    throw new AssertionError("no gate '" + name + "' in " + results.path("gates"));
  }
}
