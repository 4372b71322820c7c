package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code reports/index.html}: the gate verdicts at a glance, each simulation's flows, and links to every report. */
public final class ReportIndex {

  private ReportIndex() {}

  /** Written by {@link RunReportFiles#writeRun}, once per run, from the run's summary. */
  static Path write(Path reportsDir, JsonNode summary) throws IOException {
    JsonNode simulations = summary.path("simulations");
    Path index = reportsDir.resolve("index.html");
    Files.createDirectories(reportsDir);
    String html = render(simulations, Files.isRegularFile(reportsDir.resolve("cucumber/index.html")));
    String runId = summary.path("runId").asText("");
    Path conformance = reportsDir.resolve("cucumber/summary.txt");
    if (Files.isRegularFile(conformance)) {
      List<String> lines = Files.readAllLines(conformance);
      String counts = lines.stream().filter(line -> line.startsWith("conformance:")).findFirst().orElse("");
      String run = lines.stream().filter(line -> line.startsWith("conformance run: ")).findFirst()
          .map(line -> line.substring("conformance run: ".length())).orElse("of unknown run");
      // counts of another run are shown as such, never as this one's
      boolean thisRun = !runId.isEmpty() && run.startsWith(runId + " ");
      html = html.replace("<a href=\"cucumber/index.html\">Conformance (Cucumber) report</a>",
          "<a href=\"cucumber/index.html\">Conformance (Cucumber) report</a>: " + escape(counts.replaceFirst(
              "^conformance: ", "")) + (thisRun ? " (this run)" : " <strong>(not this load run: the conformance run "
              + escape(run) + ")</strong>"));
    }
    if (!runId.isEmpty()) {
      html = html.replace("<h1>idv-harness reports</h1>\n", "<h1>idv-harness reports</h1>\n<p>Load run <code>"
          + escape(runId) + "</code>: every gate below is of this run.</p>\n");
    }
    if (Files.isRegularFile(reportsDir.resolve("drift/index.html"))) {
      html = html.replace("<ul>\n", "<ul>\n<li><a href=\"drift/index.html\">Drift report</a>: the last drift run's"
          + " vendor answers beside the stubs' (its own command, ./mvnw -Pdrift verify)</li>\n");
    }
    Files.writeString(index, html);
    return index;
  }

  static String render(JsonNode simulations, boolean cucumber) {
    int gates = 0;
    int failed = 0;
    boolean invalid = false;
    List<String> why = new ArrayList<>();
    for (JsonNode simulation : simulations) {
      for (ReportedGate gate : ReportedGate.of(simulation)) {
        gates++;
        failed += gate.passed() ? 0 : 1;
      }
      simulation.path("invalidBecause").forEach(reason -> why.add(reason.asText()));
      invalid |= !simulation.path("valid").asBoolean(true);
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>idv-harness reports</title><style>body{font-family:sans-serif;margin:2em}"
        + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;"
        + "text-align:left}.pass{color:#176d17;font-weight:bold}.fail{color:#b00020;font-weight:bold}"
        + ".banner{font-size:1.4em;padding:.5em;border:2px solid}.chart{margin:.5em 1em .5em 0;max-width:100%;"
        + "height:auto}.charts{display:flex;flex-wrap:wrap;align-items:flex-start}</style></head><body>\n"
        + "<h1>idv-harness reports</h1>\n");
    String verdict = simulations.isEmpty() ? "<span class=\"fail\">NO LOAD RESULTS</span>"
        : failed == 0 ? "<span class=\"pass\">PASS</span>: all " + gates + " load gates hold"
            : "<span class=\"fail\">FAIL</span>: " + failed + " of " + gates + " load gates broken";
    html.append("<p class=\"banner\">").append(verdict).append("</p>\n");
    if (invalid) {
      html.append("<p class=\"banner fail\">INVALID RUN: the figures measure the harness, not the vendors (")
          .append(escape(String.join("; ", why))).append(")</p>\n");
    }
    html.append("<ul>\n");
    if (cucumber) {
      html.append("<li><a href=\"cucumber/index.html\">Conformance (Cucumber) report</a></li>\n");
    }
    html.append("<li><a href=\"gatling/summary.json\">gatling/summary.json</a>: time to verdict per flow</li>\n"
        + "<li><a href=\"gatling/gates.xml\">gatling/gates.xml</a>: the gates as JUnit XML</li>\n"
        + "<li><a href=\"gatling/clients.xml\">gatling/clients.xml</a>: the stub's client report as JUnit XML</li>\n"
        + "<li>gatling/histograms/*.hlog: time-to-verdict histograms (HdrHistogram log, mergeable)</li>\n</ul>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = simulations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      appendSimulation(html, entry.getKey(), entry.getValue());
    }
    return html.append("</body></html>\n").toString();
  }

  private static void appendSimulation(StringBuilder html, String name, JsonNode simulation) {
    html.append("<h2>").append(escape(name)).append("</h2>\n<p>profile ")
        .append(escape(simulation.path("profile").asText("?"))).append(", target ")
        .append(escape(simulation.path("target").asText("?"))).append(", ")
        .append(simulation.path("runSeconds").asText("?")).append(" s");
    if (simulation.has("gatlingReport")) {
      html.append(" &middot; <a href=\"").append(escape(simulation.path("gatlingReport").asText()))
          .append("\">Gatling report</a>");
    }
    if (simulation.has("stress")) {
      html.append(" &middot; stress: ").append(escape(simulation.path("stress").toString()));
    }
    if (simulation.has("stressStop")) {
      html.append(" &middot; injection stopped at the knee: ").append(escape(simulation.path("stressStop").toString()));
    }
    html.append("</p>\n<table><tr><th>flow</th><th>started</th><th>verdicts</th><th>verdicts/s</th>"
        + "<th>time to verdict p50 / p95 / p99 / max (ms)</th><th>calls per verdict</th><th>failed</th>"
        + "<th>deadline misses</th><th>failures</th></tr>\n");
    simulation.path("flows").fields().forEachRemaining(flow -> {
      JsonNode f = flow.getValue();
      JsonNode ttv = f.path("timeToVerdictMs");
      html.append("<tr><td>").append(escape(flow.getKey())).append("</td><td>").append(f.path("started"))
          .append("</td><td>").append(f.path("count")).append("</td><td>").append(f.path("verdictsPerSec"))
          .append("</td><td>").append(ttv.path("p50")).append(" / ").append(ttv.path("p95")).append(" / ")
          .append(ttv.path("p99")).append(" / ").append(ttv.path("max")).append("</td><td>")
          .append(f.path("callsPerVerdict").path("mean")).append("</td><td>").append(f.path("failed"))
          .append("</td><td>").append(f.path("deadlineMisses")).append("</td><td>")
          .append(failures(f.path("failures"))).append("</td></tr>\n");
    });
    html.append("</table>\n");
    appendGenerators(html, simulation);
    html.append("<div class=\"charts\">\n");
    simulation.path("flows").fields().forEachRemaining(flow -> html.append(ReportCharts.percentileCurve(
        flow.getKey(), flow.getValue().path("percentileCurve"), flow.getValue().path("verdictP95LimitMs").asLong()))
        .append('\n'));
    html.append(ReportCharts.timeline(name, simulation)).append('\n');
    html.append(ReportCharts.requestBars(simulation.path("requests"), simulation.path("sla").path("p95Ms").asLong(),
        simulation.path("sla").path("p99Ms").asLong())).append("\n</div>\n");
    html.append("<table><tr><th>gate</th><th>threshold</th><th>measured</th><th>verdict</th>"
        + "<th>by</th></tr>\n");
    for (ReportedGate gate : ReportedGate.of(simulation)) {
      html.append("<tr><td>").append(escape(gate.name())).append("</td><td>").append(escape(gate.threshold()))
          .append("</td><td>").append(escape(gate.measured())).append("</td><td class=\"")
          .append(gate.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td>").append(escape(gate.source()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    appendClientReport(html, simulation.path("clients"));
  }

  /** Failures by reason as "reason: count" lines, or "none". */
  private static String failures(JsonNode byReason) {
    if (byReason.isEmpty()) {
      return "none";
    }
    List<String> lines = new ArrayList<>();
    byReason.fields().forEachRemaining(entry -> lines.add(escape(entry.getKey()) + ": " + entry.getValue().asText()));
    return String.join("<br>", lines);
  }

  /** With several load generators, one row each: its verdicts and failures, its stub's lag and its own. */
  private static void appendGenerators(StringBuilder html, JsonNode simulation) {
    JsonNode rows = simulation.path("generators");
    if (!rows.isArray() || rows.isEmpty()) {
      JsonNode own = simulation.path("generator");
      if (own.isObject()) {
        html.append("<p>Load generator: tick lag p99 ").append(own.path("lagP99Ms")).append(" ms (max ")
            .append(own.path("lagMaxMs")).append(" ms), CPU ").append(Math.round(own.path("cpuShare").asDouble() * 100))
            .append(" % of the cores</p>\n");
      }
      return;
    }
    html.append("<table><tr><th>generator</th><th>flow</th><th>started</th><th>verdicts</th><th>failed</th>"
        + "<th>time to verdict p95 (ms)</th><th>stub lag p99 (ms)</th><th>generator tick lag p99 (ms)</th>"
        + "<th>generator CPU</th></tr>\n");
    for (JsonNode row : rows) {
      row.path("flows").fields().forEachRemaining(flow -> html.append("<tr><td>").append(row.path("index"))
          .append("</td><td>").append(escape(flow.getKey())).append("</td><td>").append(flow.getValue().path("started"))
          .append("</td><td>").append(flow.getValue().path("count")).append("</td><td>")
          .append(flow.getValue().path("failed")).append("</td><td>")
          .append(flow.getValue().path("timeToVerdictMs").path("p95")).append("</td><td>")
          .append(row.path("stubLagP99Ms").asText("-")).append("</td><td>")
          .append(row.path("generator").path("lagP99Ms").asText("-")).append("</td><td>")
          .append(row.path("generator").has("cpuShare")
              ? Math.round(row.path("generator").path("cpuShare").asDouble() * 100) + " %" : "-")
          .append("</td></tr>\n"));
    }
    html.append("</table>\n");
  }

  /** What the stub saw the harness's own clients do, as a team's client would be told (none: "no findings"). */
  private static void appendClientReport(StringBuilder html, JsonNode report) {
    if (report.isMissingNode()) {
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (JsonNode client : report.path("clients")) {
      for (JsonNode finding : client.path("findings")) {
        rows.append("<tr><td>").append(escape(client.path("vendor").asText())).append(' ')
            .append(escape(client.path("client").asText())).append("</td><td>")
            .append(escape(finding.path("kind").asText())).append("</td><td>").append(finding.path("count"))
            .append("</td><td><code>").append(escape(finding.path("example").toString())).append("</code></td></tr>\n");
      }
    }
    html.append("<p>Client report (what the stub saw the clients do): ");
    if (rows.isEmpty()) {
      html.append("<span class=\"pass\">no findings</span>.</p>\n");
      return;
    }
    html.append("</p>\n<table><tr><th>client</th><th>finding</th><th>count</th><th>example</th></tr>\n")
        .append(rows).append("</table>\n");
  }

  private static String escape(String text) {
    return Markup.escape(text);
  }
}
