package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate as the reports hold it (results, summary.json): the one codec of a gate's JSON, written by the run and read
 * by every report and by the verdict. {@code source} says who judged it ("harness").
 */
public record ReportedGate(String name, String threshold, String measured, boolean passed, String source) {

  public void addTo(ArrayNode gates) {
    gates.addObject().put("name", name).put("threshold", threshold).put("measured", measured).put("passed", passed)
        .put("source", source);
  }

  /** The gates of one simulation's results. */
  public static List<ReportedGate> of(JsonNode results) {
    List<ReportedGate> gates = new ArrayList<>();
    for (JsonNode gate : results.path("gates")) {
      gates.add(new ReportedGate(gate.path("name").asText(), gate.path("threshold").asText(),
          gate.path("measured").asText(), gate.path("passed").asBoolean(), gate.path("source").asText()));
    }
    return gates;
  }

  /** "threshold T, measured M": how a broken gate reads in a build's output and in JUnit XML. */
  public String numbers() {
    return "threshold " + threshold + ", measured " + measured;
  }
}
