package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * What one load generator recorded of one simulation, in a form that merges exactly: {@code records.json} (who, which
 * run, which settings, counters) and {@code records.hlog} (every histogram, in HdrHistogram's log format, one tag
 * each). Written under {@code <load.resultsDir>/<runId>/<injectorIndex>/<Simulation>/}.
 */
public record GeneratorRecords(Meta meta, List<FlowResult> flows, StubHealth stub, GeneratorHealth generator) {

  /** Records without the generator's own account (tests that build records by hand). */
  public GeneratorRecords(Meta meta, List<FlowResult> flows, StubHealth stub) {
    this(meta, flows, stub, null);
  }

  public static final String JSON_FILE = "records.json";
  public static final String HLOG_FILE = "records.hlog";
  private static final String SEP = "|";

  /** Who wrote the records, of which run, with which settings (the merge refuses records that differ). */
  public record Meta(String runId, String simulation, int injectorIndex, int injectors, String settings,
      int histogramDigits, long startedAt, long endedAt, boolean remote, LoadSettings.Sla sla, Injection injection) {}

  public static Path dir(Path resultsDir, String runId, int injectorIndex, String simulation) {
    return resultsDir.resolve(runId).resolve(String.valueOf(injectorIndex)).resolve(simulation);
  }

  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      HarnessJson.FILE.writeValue(dir.resolve(JSON_FILE).toFile(), json());
      try (PrintStream out = new PrintStream(dir.resolve(HLOG_FILE).toFile(), "UTF-8")) {
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("records of generator " + meta.injectorIndex() + " of " + meta.injectors() + ", run "
            + meta.runId() + ", " + meta.simulation() + "; tags: kind|flow[|name]");
        writer.outputLogFormatVersion();
        writer.outputStartTime(meta.startedAt());
        writer.setBaseTime(meta.startedAt());
        writer.outputLegend();
        double seconds = (meta.endedAt() - meta.startedAt()) / 1000.0;
        for (FlowResult flow : flows) {
          output(writer, seconds, flow.timeToVerdictMs(), "ttv" + SEP + flow.flow());
          output(writer, seconds, flow.callsPerVerdict(), "calls" + SEP + flow.flow());
          flow.windows().forEach((start, window) ->
              output(writer, seconds, window.timeToVerdictMs(), "window" + SEP + flow.flow() + SEP + start));
          flow.requests().forEach((name, request) ->
              output(writer, seconds, request.responseTimeMs(), "rt" + SEP + flow.flow() + SEP + name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load records under " + dir, e);
    }
  }

  private static void output(HistogramLogWriter writer, double seconds, Histogram histogram, String tag) {
    Histogram tagged = histogram.copy();
    tagged.setTag(tag);
    // values are milliseconds (or counts) already: a unit ratio of 1 keeps the max column in those units
    writer.outputIntervalHistogram(0, seconds, tagged, 1.0);
  }

  private ObjectNode json() {
    ObjectNode root = HarnessJson.MAPPER.createObjectNode();
    root.put("format", 1);
    root.set("meta", HarnessJson.MAPPER.valueToTree(meta));
    ObjectNode byFlow = root.putObject("flows");
    for (FlowResult flow : flows) {
      ObjectNode node = byFlow.putObject(flow.flow());
      node.put("started", flow.started());
      ObjectNode failures = node.putObject("failures");
      flow.failures().forEach(failures::put);
      ObjectNode windows = node.putObject("windowFailures");
      flow.windows().forEach((start, window) -> windows.put(String.valueOf(start), window.failed()));
      ObjectNode requests = node.putObject("requests");
      flow.requests().forEach((name, request) -> requests.putObject(name).put("ok", request.ok())
          .put("ko", request.ko()));
    }
    if (stub != null) {
      ObjectNode node = root.putObject("stub");
      if (stub.error() != null) {
        node.put("error", stub.error());
      }
      ObjectNode endpoints = node.putObject("endpoints");
      stub.endpoints().forEach((name, lag) -> endpoints.putObject(name).put("p99Ms", lag.p99Ms())
          .put("samples", lag.samples()));
    }
    if (generator != null) {
      root.set("generator", generator.toJson());
    }
    return root;
  }

  /** Reads what {@link #write} wrote; a file that is missing or unreadable is named in the exception. */
  public static GeneratorRecords read(Path dir) {
    try {
      JsonNode root = HarnessJson.MAPPER.readTree(dir.resolve(JSON_FILE).toFile());
      Meta meta = HarnessJson.MAPPER.treeToValue(root.path("meta"), Meta.class);
      Map<String, Histogram> histograms = histograms(dir.resolve(HLOG_FILE));
      List<FlowResult> flows = new ArrayList<>();
      root.path("flows").fields().forEachRemaining(entry -> flows.add(flow(entry.getKey(), entry.getValue(),
          histograms)));
      StubHealth stub = null;
      if (root.has("stub")) {
        Map<String, StubHealth.Lag> endpoints = new TreeMap<>();
        root.path("stub").path("endpoints").fields().forEachRemaining(entry -> endpoints.put(entry.getKey(),
            new StubHealth.Lag(entry.getValue().path("p99Ms").asLong(), entry.getValue().path("samples").asLong())));
        stub = new StubHealth(endpoints, root.path("stub").path("error").asText(null));
      }
      GeneratorHealth generator = root.has("generator") ? GeneratorHealth.fromJson(root.path("generator")) : null;
      return new GeneratorRecords(meta, flows, stub, generator);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(new IOException("the load records in " + dir + " cannot be read: "
          + e.getMessage(), e));
    }
  }

  private static FlowResult flow(String name, JsonNode node, Map<String, Histogram> histograms) {
    Map<String, Long> failures = new TreeMap<>();
    node.path("failures").fields().forEachRemaining(entry -> failures.put(entry.getKey(), entry.getValue().asLong()));
    Map<Long, FlowResult.Window> windows = new TreeMap<>();
    String windowPrefix = "window" + SEP + name + SEP;
    histograms.forEach((tag, histogram) -> {
      if (tag.startsWith(windowPrefix)) {
        long start = Long.parseLong(tag.substring(windowPrefix.length()));
        windows.put(start, new FlowResult.Window(histogram, node.path("windowFailures").path(String.valueOf(start))
            .asLong()));
      }
    });
    node.path("windowFailures").fields().forEachRemaining(entry -> windows.putIfAbsent(Long.valueOf(entry.getKey()),
        new FlowResult.Window(FlowResult.histogram(), entry.getValue().asLong())));
    Map<String, RequestResult> requests = new LinkedHashMap<>();
    node.path("requests").fields().forEachRemaining(entry -> requests.put(entry.getKey(), new RequestResult(
        entry.getKey(), entry.getValue().path("ok").asLong(), entry.getValue().path("ko").asLong(),
        histograms.getOrDefault("rt" + SEP + name + SEP + entry.getKey(), FlowResult.histogram()))));
    return new FlowResult(name, node.path("started").asLong(),
        histograms.getOrDefault("ttv" + SEP + name, FlowResult.histogram()),
        histograms.getOrDefault("calls" + SEP + name, FlowResult.histogram()), failures, windows, requests);
  }

  private static Map<String, Histogram> histograms(Path hlog) throws IOException {
    Map<String, Histogram> byTag = new TreeMap<>();
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    try {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        Histogram histogram = (Histogram) next;
        Histogram plain = FlowResult.histogram();
        plain.add(histogram);
        byTag.merge(histogram.getTag(), plain, (a, b) -> {
          a.add(b);
          return a;
        });
      }
    } finally {
      reader.close();
    }
    return byTag;
  }
}
