package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.report.JUnitXml;
import dev.idvharness.report.Markup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code reports/drift/}: {@code drift.json} (the run, and every difference with the time it was first seen),
 * {@code index.html} (grouped by operation, newest differences first) and {@code TEST-drift.xml} (one JUnit test case
 * per difference: skipped, or failed when its kind is in {@code drift.failOn}).
 */
public final class DriftReport {

  public static final String JSON_FILE = "drift.json";

  private DriftReport() {}

  /** A difference and when a run first reported it. */
  public record Dated(Difference difference, Instant firstSeen) {}

  public static List<Dated> write(Path dir, Map<String, String> run, List<Difference> differences,
      List<ShapeLog.RuleNote> rules, Set<DriftKind> failOn, Instant now) {
    try {
      Files.createDirectories(dir);
      List<Dated> dated = date(dir.resolve(JSON_FILE), differences, now);
      writeJson(dir.resolve(JSON_FILE), run, dated, rules, failOn);
      Files.writeString(dir.resolve("index.html"), html(run, dated, rules, failOn));
      Files.writeString(dir.resolve("TEST-drift.xml"), junit(dated, failOn));
      return dated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drift report to " + dir, e);
    }
  }

  /** Differences a previous report already had keep their first-seen time. */
  private static List<Dated> date(Path previousFile, List<Difference> differences, Instant now) throws IOException {
    Map<String, Instant> firstSeen = new HashMap<>();
    if (Files.isRegularFile(previousFile)) {
      try {
        for (JsonNode old : HarnessJson.MAPPER.readTree(previousFile.toFile()).path("differences")) {
          firstSeen.put(old.path("operation").asText() + " " + old.path("path").asText() + " "
              + old.path("kind").asText(), Instant.parse(old.path("firstSeen").asText(now.toString())));
        }
      } catch (IOException | RuntimeException unreadable) {
        firstSeen.clear(); // an unreadable old report only loses the dates
      }
    }
    List<Dated> dated = new ArrayList<>();
    for (Difference difference : differences) {
      dated.add(new Dated(difference, firstSeen.getOrDefault(difference.id(), now)));
    }
    dated.sort(Comparator.comparing((Dated d) -> d.difference().operation())
        .thenComparing(Dated::firstSeen, Comparator.reverseOrder())
        .thenComparing(d -> d.difference().path()));
    return dated;
  }

  private static void writeJson(Path file, Map<String, String> run, List<Dated> dated,
      List<ShapeLog.RuleNote> rules, Set<DriftKind> failOn) throws IOException {
    ObjectNode root = HarnessJson.MAPPER.createObjectNode();
    ObjectNode vendor = root.putObject("vendor");
    run.forEach(vendor::put);
    ArrayNode kinds = root.putArray("failOn");
    failOn.forEach(kind -> kinds.add(kind.label()));
    ArrayNode list = root.putArray("differences");
    for (Dated entry : dated) {
      Difference difference = entry.difference();
      list.addObject().put("operation", difference.operation()).put("path", difference.path())
          .put("kind", difference.kind().label()).put("stub", difference.stub()).put("vendor", difference.vendor())
          .put("firstSeen", entry.firstSeen().toString());
    }
    ArrayNode notes = root.putArray("clientRules");
    rules.forEach(note -> notes.addObject().put("scenario", note.scenario()).put("source", note.source())
        .put("broken", note.broken()));
    HarnessJson.FILE.writeValue(file.toFile(), root);
  }

  private static String html(Map<String, String> run, List<Dated> dated, List<ShapeLog.RuleNote> rules,
      Set<DriftKind> failOn) {
    Map<String, List<Dated>> byOperation = new LinkedHashMap<>();
    dated.forEach(entry -> byOperation.computeIfAbsent(entry.difference().operation(), key -> new ArrayList<>())
        .add(entry));
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Drift: vendor answers beside the stubs'</title><style>body{font-family:sans-serif;margin:2em}"
        + "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;"
        + "text-align:left}.fail{background:#fdd}code{font-size:90%}</style></head><body>\n"
        + "<h1>Drift: the vendor's answers beside the stubs'</h1>\n<p>");
    run.forEach((key, value) -> html.append(Markup.escape(key)).append(": <code>").append(Markup.escape(value))
        .append("</code><br>"));
    html.append("</p>\n<p>").append(dated.size()).append(" difference(s)")
        .append(dated.isEmpty() ? ": the stubs answer like the vendor, as far as these scenarios go." : ".")
        .append(" Differences are drift, not failures")
        .append(failOn.isEmpty() ? "" : ", except the kinds in drift.failOn (" + labels(failOn) + ")")
        .append(".</p>\n");
    byOperation.forEach((operation, entries) -> {
      html.append("<h2><code>").append(Markup.escape(operation)).append("</code></h2>\n<table><tr><th>path</th><th>kind</th>"
          + "<th>stubs</th><th>vendor</th><th>first seen</th></tr>\n");
      for (Dated entry : entries) {
        Difference difference = entry.difference();
        html.append(failOn.contains(difference.kind()) ? "<tr class=\"fail\">" : "<tr>")
            .append("<td><code>").append(Markup.escape(difference.path())).append("</code></td><td>")
            .append(difference.kind().label()).append("</td><td>").append(Markup.escape(difference.stub()))
            .append("</td><td>").append(Markup.escape(difference.vendor())).append("</td><td>")
            .append(entry.firstSeen()).append("</td></tr>\n");
      }
      html.append("</table>\n");
    });
    if (!rules.isEmpty()) {
      html.append("<h2>Rules of public clients the vendor does not keep</h2>\n<table><tr><th>scenario</th>"
          + "<th>source</th><th>what differs</th></tr>\n");
      rules.forEach(note -> html.append("<tr><td>").append(Markup.escape(note.scenario())).append("</td><td>")
          .append(Markup.escape(note.source())).append("</td><td>").append(Markup.escape(note.broken())).append("</td></tr>\n"));
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String junit(List<Dated> dated, Set<DriftKind> failOn) {
    JUnitXml xml = new JUnitXml("drift");
    JUnitXml.Suite suite = xml.suite("drift");
    for (Dated entry : dated) {
      Difference difference = entry.difference();
      String className = "drift." + difference.operation();
      String name = difference.path() + " " + difference.kind().label();
      String message = difference.kind().label() + ": stubs " + difference.stub() + ", vendor " + difference.vendor();
      if (failOn.contains(difference.kind())) {
        suite.testCase(className, name, message, difference.kind().label(), message);
      } else {
        suite.skipped(className, name, message);
      }
    }
    return xml.render();
  }

  private static String labels(Set<DriftKind> kinds) {
    return String.join(", ", kinds.stream().map(DriftKind::label).toList());
  }

}
