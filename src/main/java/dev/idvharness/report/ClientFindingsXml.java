package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stub's client report of each simulation (its results' {@code clients}, read from the stub at the end of the
 * run) as JUnit XML: one test suite per simulation, one test case per finding kind, failing when any client has a
 * finding of that kind, with each client and an example in the failure.
 */
final class ClientFindingsXml {

  private ClientFindingsXml() {}

  static String render(JsonNode simulations) {
    JUnitXml xml = new JUnitXml("stub client report");
    simulations.fields().forEachRemaining(simulation -> {
      JsonNode report = simulation.getValue().path("clients");
      if (report.isMissingNode()) {
        return;
      }
      String suiteName = "stub.clients." + simulation.getKey();
      JUnitXml.Suite suite = xml.suite(suiteName);
      for (JsonNode kind : report.path("kinds")) {
        String name = kind.path("kind").asText();
        StringBuilder seen = new StringBuilder();
        long total = 0;
        for (JsonNode client : report.path("clients")) {
          for (JsonNode finding : client.path("findings")) {
            if (finding.path("kind").asText().equals(name)) {
              total += finding.path("count").asLong();
              seen.append(client.path("vendor").asText()).append(" client ").append(client.path("client").asText())
                  .append(": ").append(finding.path("count").asLong()).append(", for example ")
                  .append(finding.path("example")).append('\n');
            }
          }
        }
        String failure = total == 0 ? null : total + " x " + name + ": " + kind.path("meaning").asText();
        suite.testCase(suiteName, name, failure, "client-finding", seen.toString());
      }
    });
    return xml.render();
  }
}
