package dev.idvharness.stub.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of {@code ./mvnw -Pfuzz test}: reads the log of each fuzz target ({@code target/fuzz/<name>.log},
 * Jazzer's and libFuzzer's own output), writes {@code target/fuzz/figures.md} (executions, executions/s, edges and
 * features covered, corpus, slowest input, findings) and fails the build when a target found something or did not
 * finish. Arguments: the fuzz directory, then the target names.
 */
public final class FuzzFigures {

  private static final Pattern STATUS = Pattern.compile("#(\\d+)\\s+(INITED|NEW|REDUCE|pulse|DONE)\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/(\\S+)");
  private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
  private static final Pattern STAT = Pattern.compile("stat::(\\w+):\\s+(\\d+)");

  private FuzzFigures() {}

  /** What one target's log says. */
  record Figures(String target, long runs, long seconds, String startCorpus, String cov, String ft, String corpus,
      long newUnits, long slowestSeconds, long peakRssMb, List<String> findings) {

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %s | %s | %s → %s | %d | %d s | %,d MB | %s |", target, seconds,
          runs, seconds == 0 ? runs : runs / seconds, cov, ft, startCorpus, corpus, newUnits, slowestSeconds, peakRssMb,
          findings.isEmpty() ? "0" : findings.size() + ": " + String.join("; ", findings));
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<Figures> all = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      all.add(read(args[i], dir.resolve(args[i] + ".log")));
    }
    StringBuilder md = new StringBuilder();
    md.append("Fuzzing, ").append(machine()).append("\n\n");
    md.append("| target | seconds | executions | exec/s | cov (edges) | ft (features) | corpus (inputs: start → end) ")
        .append("| new inputs | slowest input | peak RSS | findings |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    all.forEach(figures -> md.append(figures.row()).append('\n'));
    Files.writeString(dir.resolve("figures.md"), md, StandardCharsets.UTF_8);
    System.out.print(md);
    List<String> broken = all.stream().filter(figures -> !figures.findings().isEmpty() || figures.runs() == 0)
        .map(Figures::target).toList();
    if (!broken.isEmpty()) {
      throw new IllegalStateException("fuzzing found something or did not finish: " + broken + ", see " + dir
          + "/<target>.log; each finding is written under src/test/resources/dev/idvharness/stub/fuzz/");
    }
  }

  static Figures read(String target, Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
    long runs = 0;
    long seconds = 0;
    String startCorpus = "?";
    String[] last = {"?", "?", "?"};
    long newUnits = 0;
    long slowest = 0;
    long rss = 0;
    List<String> findings = new ArrayList<>();
    for (String line : lines) {
      Matcher status = STATUS.matcher(line);
      if (status.find()) {
        if (status.group(2).equals("INITED")) {
          startCorpus = status.group(5);
        }
        last = new String[] {status.group(3), status.group(4), status.group(5)};
      }
      Matcher done = DONE.matcher(line);
      if (done.find()) {
        runs = Long.parseLong(done.group(1));
        seconds = Long.parseLong(done.group(2));
      }
      Matcher stat = STAT.matcher(line);
      if (stat.find()) {
        long value = Long.parseLong(stat.group(2));
        switch (stat.group(1)) {
          case "new_units_added" -> newUnits = value;
          case "slowest_unit_time_sec" -> slowest = value;
          case "peak_rss_mb" -> rss = value;
          default -> {}
        }
      }
      if (line.startsWith("== Java Exception") || line.contains("ERROR: libFuzzer") || line.contains("Test unit written to")) {
        findings.add(line.trim());
      }
    }
    return new Figures(target, runs, seconds, startCorpus, last[0], last[1], last[2], newUnits, slowest, rss, findings);
  }

  private static String machine() {
    long memoryGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >> 30;
    return Runtime.getRuntime().availableProcessors() + " cores, " + memoryGiB + " GiB, " + System.getProperty("os.name")
        + ", Java " + System.getProperty("java.version");
  }
}
