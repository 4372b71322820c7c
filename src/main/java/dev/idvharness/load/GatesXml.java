package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;

/** The gates as JUnit XML: one test suite per simulation, one test case per gate, a failure naming the numbers. */
final class GatesXml {

  private GatesXml() {}

  static String render(JsonNode simulations) {
    StringBuilder suites = new StringBuilder();
    int tests = 0;
    int failures = 0;
    var names = simulations.fieldNames();
    while (names.hasNext()) {
      String simulation = names.next();
      JsonNode gates = simulations.get(simulation).path("gates");
      StringBuilder cases = new StringBuilder();
      int suiteFailures = 0;
      for (JsonNode gate : gates) {
        String name = gate.path("name").asText();
        String failure = gate.path("passed").asBoolean() ? null
            : "threshold " + gate.path("threshold").asText() + ", measured " + gate.path("measured").asText();
        suiteFailures += failure == null ? 0 : 1;
        cases.append(JUnitXml.testCase("load." + simulation, name, failure, "gate", name + ": " + failure));
      }
      suites.append(JUnitXml.suite("load." + simulation, gates.size(), suiteFailures, cases));
      tests += gates.size();
      failures += suiteFailures;
    }
    return JUnitXml.document("load gates", tests, failures, suites);
  }
}
