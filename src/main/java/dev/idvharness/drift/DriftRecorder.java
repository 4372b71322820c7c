package dev.idvharness.drift;

import dev.idvharness.client.Exchange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Records the shapes of a conformance run's answers when {@code drift.record} names a file: the steps hand it every
 * exchange of a {@code @contract} scenario, and the run saves it at its end. One per run.
 */
public final class DriftRecorder {

  private static DriftRecorder current;

  private final Path file;
  private final ShapeLog log = new ShapeLog();
  private String scenario = "(no scenario)";
  private int call;

  private DriftRecorder(Path file) {
    this.file = file;
  }

  /** Starts recording to {@code file} (none when null) for a run against {@code run}'s vendors. */
  public static synchronized void start(Path file, Map<String, String> run, Iterable<String> vendors) {
    current = file == null ? null : new DriftRecorder(file);
    if (current != null) {
      current.log.run.putAll(run);
      current.log.run.put("recorded", Instant.now().toString());
      vendors.forEach(current.log.vendors::add);
    }
  }

  /** The scenario whose answers follow; only {@code @contract} scenarios are recorded. */
  public static synchronized void scenario(String name, boolean contract) {
    if (current != null) {
      current.scenario = contract ? name : null;
      current.call = 0;
    }
  }

  public static synchronized void record(Exchange exchange) {
    if (current != null && current.scenario != null) {
      current.log.record(current.scenario + " #" + (++current.call), exchange);
    }
  }

  /** A [client] or [ours] check that did not hold against the vendor. */
  public static synchronized void rule(String scenario, String source, String broken) {
    if (current != null) {
      current.log.rules.add(new ShapeLog.RuleNote(scenario, source, broken));
    }
  }

  public static synchronized void finish() {
    if (current != null) {
      current.log.save(current.file);
      System.out.println("drift: answer shapes of this run written to " + current.file);
      current = null;
    }
  }
}
