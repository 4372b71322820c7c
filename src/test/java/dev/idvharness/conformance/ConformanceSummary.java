package dev.idvharness.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Cucumber plugin: at the end of a conformance run, one screen that says what ran and what did not, and why
 * ("12 passed; not run: 40 not @contract..."), by vendor tag, with the failed scenarios by name.
 */
public final class ConformanceSummary implements ConcurrentEventListener {

  private final Map<String, int[]> byTag = new TreeMap<>();
  private final Map<String, Integer> notRunBecause = new TreeMap<>();
  private final List<String> failed = new ArrayList<>();
  /** Set by the build (pom.xml, the conformance execution): the run id the main job's load simulations share. */
  static final String RUN_ID_PROPERTY = "idv.runId";

  private final File file;
  private int passed;
  private int notRun;

  /** Prints the summary on the console. */
  public ConformanceSummary() {
    this(null);
  }

  /** Prints it and writes it to {@code file} too ({@code dev.idvharness.conformance.ConformanceSummary:path}). */
  public ConformanceSummary(File file) {
    this.file = file;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, event -> print());
  }

  private synchronized void finished(TestCaseFinished event) {
    Status status = event.getResult().getStatus();
    int column = status == Status.PASSED ? 0 : status == Status.FAILED ? 1 : 2;
    for (String tag : event.getTestCase().getTags()) {
      if (tag.equals("@cyberark") || tag.equals("@ironvest") || tag.equals("@contract") || tag.equals("@stub")) {
        byTag.computeIfAbsent(tag, key -> new int[3])[column]++;
      }
    }
    if (status == Status.PASSED) {
      passed++;
    } else if (status == Status.FAILED) {
      failed.add(event.getTestCase().getName());
    } else {
      notRun++;
      String reason = event.getResult().getError() == null ? status.name().toLowerCase(java.util.Locale.ROOT)
          : String.valueOf(event.getResult().getError().getMessage());
      notRunBecause.merge(reason, 1, Integer::sum);
    }
  }

  private synchronized void print() {
    StringBuilder out = new StringBuilder("\nconformance: " + (passed + failed.size()) + " scenario(s) ran: " + passed
        + " passed, " + failed.size() + " failed; " + notRun + " not run\n");
    failed.forEach(name -> out.append("  FAILED   ").append(name).append('\n'));
    notRunBecause.forEach((reason, count) -> out.append("  not run  ").append(count).append(": ").append(reason)
        .append('\n'));
    byTag.forEach((tag, counts) -> out.append("  ").append(String.format("%-10s", tag)).append(counts[0])
        .append(" passed, ").append(counts[1]).append(" failed, ").append(counts[2]).append(" not run\n"));
    // which run these counts belong to: the index never shows them as another run's
    out.append("conformance run: ").append(System.getProperty(RUN_ID_PROPERTY, "ad hoc")).append(" at ")
        .append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append('\n');
    System.out.print(out);
    if (file != null) {
      try {
        Files.createDirectories(file.toPath().toAbsolutePath().getParent());
        Files.writeString(file.toPath(), out.toString());
      } catch (IOException e) {
        System.out.println("conformance: the summary could not be written to " + file + ": " + e.getMessage());
      }
    }
  }
}
