package dev.idvharness.drift;

import dev.idvharness.client.Exchange;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answers of one conformance run, as shapes: per operation and outcome ({@link AnswerShape}), and per request
 * case (the scenario and the call in it) which operation, outcome and status it got, so that two runs of the same
 * scenarios can be set side by side. Written as JSON; holds no value but enumerations and formats.
 */
public final class ShapeLog {

  /** What was run against: base URLs, target, time. */
  public Map<String, String> run = new TreeMap<>();
  /** The vendors this run exercised ({@code cyberark}, {@code ironvest}); only those are compared. */
  public Set<String> vendors = new TreeSet<>();
  public Map<String, AnswerShape> shapes = new TreeMap<>();
  public Map<String, CaseAnswer> cases = new TreeMap<>();
  /** [client] and [ours] checks that did not hold against the vendor: drift, never a failure. */
  public List<RuleNote> rules = new ArrayList<>();

  /** A check that did not hold: the scenario, the rule's source, and what broke (no value of the vendor's). */
  public record RuleNote(String scenario, String source, String broken) {}

  /** One request case: the operation and outcome it got. */
  public record CaseAnswer(String vendor, String operation, String outcome, int status, String contentType) {}

  public synchronized void record(String caseId, Exchange exchange) {
    Operation operation = Operation.of(exchange);
    shapes.computeIfAbsent(operation.key(), key -> new AnswerShape()).add(exchange);
    cases.put(caseId, new CaseAnswer(operation.vendor(), operation.name(), operation.outcome(), exchange.status(),
        AnswerShape.mediaType(exchange)));
  }

  public synchronized void save(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      HarnessJson.FILE.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answer shapes to " + file, e);
    }
  }

  public static ShapeLog load(Path file) {
    try {
      return HarnessJson.MAPPER.readValue(file.toFile(), ShapeLog.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer shapes " + file + ": " + e.getMessage(), e);
    }
  }
}
