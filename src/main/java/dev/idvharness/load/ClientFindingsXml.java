package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stub's client report of each simulation (its results' {@code clients}, read from the stub at the end of the
 * run) as JUnit XML: one test suite per simulation, one test case per finding kind, failing when any client has a
 * finding of that kind, with each client and an example in the failure.
 */
final class ClientFindingsXml {

  private ClientFindingsXml() {}

  static String render(JsonNode simulations) {
    StringBuilder suites = new StringBuilder();
    int tests = 0;
    int failures = 0;
    var names = simulations.fieldNames();
    while (names.hasNext()) {
      String simulation = names.next();
      JsonNode report = simulations.get(simulation).path("clients");
      if (report.isMissingNode()) {
        continue;
      }
      StringBuilder cases = new StringBuilder();
      int suiteFailures = 0;
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
        cases.append("    <testcase classname=\"stub.clients.").append(ReportIndex.escape(simulation))
            .append("\" name=\"").append(ReportIndex.escape(name)).append("\" time=\"0\"");
        if (total == 0) {
          cases.append("/>\n");
        } else {
          suiteFailures++;
          cases.append(">\n      <failure message=\"").append(ReportIndex.escape(total + " x " + name + ": "
                  + kind.path("meaning").asText())).append("\" type=\"client-finding\">")
              .append(ReportIndex.escape(seen.toString())).append("</failure>\n    </testcase>\n");
        }
      }
      int kinds = report.path("kinds").size();
      suites.append("  <testsuite name=\"stub.clients.").append(ReportIndex.escape(simulation)).append("\" tests=\"")
          .append(kinds).append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"0\">\n")
          .append(cases).append("  </testsuite>\n");
      tests += kinds;
      failures += suiteFailures;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"stub client report\" tests=\"" + tests
        + "\" failures=\"" + failures + "\">\n" + suites + "</testsuites>\n";
  }
}
