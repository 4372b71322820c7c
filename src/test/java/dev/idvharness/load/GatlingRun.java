package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
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
      Path results = RunReport.gatlingDir(dir).resolve("results").resolve(simulation.getSimpleName() + ".json");
      return new GatlingRun(status, RunReport.JSON.readTree(results.toFile()));
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

  JsonNode gate(String name) {
    for (JsonNode gate : results.path("gates")) {
      if (gate.path("name").asText().equals(name)) {
        return gate;
      }
    }
    throw new AssertionError("no gate '" + name + "' in " + results.path("gates"));
  }
}
