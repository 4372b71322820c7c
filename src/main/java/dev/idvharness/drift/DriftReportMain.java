package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.report.RunReportFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last step of the drift command: compares the shapes of the stub run with those of the vendor run and writes
 * {@code reports/drift/}. Exit code 1 when a difference of a kind in {@code drift.failOn} was found, 2 when an input
 * is missing; otherwise 0, whatever the differences.
 * Arguments: the stub run's shapes, the vendor run's shapes.
 */
public final class DriftReportMain {

  private DriftReportMain() {}

  public static void main(String[] args) {
    try {
      HarnessConfig config = HarnessConfig.load();
      Set<DriftKind> failOn = config.get(Keys.DRIFT_FAIL_ON);
      Path stubFile = Path.of(args[0]);
      Path vendorFile = Path.of(args[1]);
      for (Path file : List.of(stubFile, vendorFile)) {
        if (!Files.isRegularFile(file)) {
          throw new ConfigException("drift: " + file + " was not written: did the " + (file == stubFile ? "stub"
              : "vendor") + " run record its answers (drift.record)?");
        }
      }
      ShapeLog stub = ShapeLog.load(stubFile);
      ShapeLog vendor = ShapeLog.load(vendorFile);
      List<Difference> differences = DriftComparison.compare(stub, vendor);
      Map<String, String> run = new TreeMap<>(vendor.run);
      run.put("compared", Instant.now().toString());
      run.put("vendors", String.join(", ", vendor.vendors));
      Path dir = Path.of(config.get(Keys.REPORTS_DIR), "drift");
      List<DriftReport.Dated> dated = DriftReport.write(dir, run, differences, vendor.rules, failOn,
          Instant.now());
      dated.forEach(entry -> System.out.println("drift: " + entry.difference().operation() + " "
          + entry.difference().path() + " " + entry.difference().kind().label() + " (stubs " + entry.difference().stub()
          + ", vendor " + entry.difference().vendor() + ")"));
      if (Files.isRegularFile(dir.resolveSibling("index.html"))) {
        RunReportFiles.writeIndex(dir.getParent()); // the index links the drift report
      }
      long failing = differences.stream().filter(difference -> failOn.contains(difference.kind())).count();
      vendor.rules.forEach(note -> System.out.println("drift: [" + note.source() + "] " + note.scenario() + ": "
          + note.broken()));
      System.out.println("drift: " + differences.size() + " difference(s), " + failing + " of a kind in drift.failOn; "
          + dir.resolve("index.html"));
      if (failing > 0) {
        System.exit(1);
      }
    } catch (ConfigException bad) {
      System.err.println(bad.getMessage());
      System.exit(2);
    } catch (UncheckedIOException e) {
      System.err.println("drift: the reports could not be written: " + e.getMessage());
      System.exit(2);
    }
  }
}
