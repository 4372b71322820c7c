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
        cases.append("    <testcase classname=\"load.").append(escape(simulation)).append("\" name=\"")
            .append(escape(gate.path("name").asText())).append("\" time=\"0\"");
        if (gate.path("passed").asBoolean()) {
          cases.append("/>\n");
        } else {
          suiteFailures++;
          String message = "threshold " + gate.path("threshold").asText() + ", measured "
              + gate.path("measured").asText();
          cases.append(">\n      <failure message=\"").append(escape(message)).append("\" type=\"gate\">")
              .append(escape(gate.path("name").asText() + ": " + message)).append("</failure>\n    </testcase>\n");
        }
      }
      suites.append("  <testsuite name=\"load.").append(escape(simulation)).append("\" tests=\"").append(gates.size())
          .append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"0\">\n").append(cases)
          .append("  </testsuite>\n");
      tests += gates.size();
      failures += suiteFailures;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"load gates\" tests=\"" + tests
        + "\" failures=\"" + failures + "\">\n" + suites + "</testsuites>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
