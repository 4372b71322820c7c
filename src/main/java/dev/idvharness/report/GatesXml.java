package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;

/** The gates as JUnit XML: one test suite per simulation, one test case per gate, a failure naming the numbers. */
final class GatesXml {

  private GatesXml() {}

  static String render(JsonNode simulations) {
    JUnitXml xml = new JUnitXml("load gates");
    simulations.fields().forEachRemaining(simulation -> {
      JUnitXml.Suite suite = xml.suite("load." + simulation.getKey());
      for (ReportedGate gate : ReportedGate.of(simulation.getValue())) {
        String failure = gate.passed() ? null : gate.numbers();
        suite.testCase("load." + simulation.getKey(), gate.name(), failure, "gate", gate.name() + ": " + failure);
      }
    });
    return xml.render();
  }
}
