package dev.idvharness.load.job;

import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.load.GeneratorRecords;
import dev.idvharness.load.LoadContext;
import dev.idvharness.load.LoadSettings;
import dev.idvharness.load.ResourceBudget;
import dev.idvharness.report.RunReportFiles;
import io.gatling.app.Gatling$;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One load generator: runs {@code load.simulation} with Gatling in this JVM, as generator {@code load.injectorIndex}
 * of {@code load.injectors} (in a Kubernetes Indexed Job the index comes from {@code JOB_COMPLETION_INDEX}), and
 * leaves its mergeable records under {@code <load.resultsDir>/<load.runId>/<index>/}. The verdict is the merge's
 * ({@link LoadMerge}). Exit 0 when the records were written, 2 on a bad configuration, 1 when the run failed.
 * The simulation classes must be on the class path (they live in the project's test classes).
 */
public final class Generator {

  private Generator() {}

  public static void main(String[] args) {
    HarnessConfig config;
    LoadSettings settings;
    String simulation;
    try {
      LoadContext context = LoadContext.read();
      config = context.config();
      settings = context.settings();
      // the simulation runs in this JVM: it uses the settings checked here (one drawn run id), not a second reading
      LoadContext.give(context);
      simulation = config.get(Keys.LOAD_SIMULATION);
      ResourceBudget.check(settings);
      Class.forName(simulation);
    } catch (ConfigException bad) {
      System.err.println("generator: " + bad.getMessage());
      System.exit(2);
      return;
    } catch (ClassNotFoundException e) {
      System.err.println("generator: load.simulation " + e.getMessage() + " is not on the class path (the"
          + " simulations are in the project's test classes)");
      System.exit(2);
      return;
    }
    LoadSettings.Sharding sharding = settings.sharding();
    if (config.find(Keys.LOAD_RUN_ID).isEmpty() && sharding.injectors() > 1) {
      System.err.println("generator: load.runId is unset: the " + sharding.injectors() + " generators of one run must"
          + " share it (LOAD_RUN_ID)");
      System.exit(2);
      return;
    }
    Path dir = sharding.resultsDir().resolve(sharding.runId()).resolve(String.valueOf(sharding.injectorIndex()));
    System.out.println("generator: " + sharding.injectorIndex() + " of " + sharding.injectors() + ", run "
        + sharding.runId() + ", " + simulation + ", records under " + dir);
    int status = Gatling$.MODULE$.fromArgs(new String[] {"-s", simulation, "-rf", dir.resolve("gatling").toString(),
        "-nr"});
    String simpleName = simulation.substring(simulation.lastIndexOf('.') + 1);
    Path records = GeneratorRecords.dir(sharding.resultsDir(), sharding.runId(), sharding.injectorIndex(), simpleName)
        .resolve(GeneratorRecords.JSON_FILE);
    if (!Files.isRegularFile(records)) {
      System.err.println("generator: the run ended (Gatling status " + status + ") without its records " + records);
      System.exit(1);
    }
    if (sharding.injectors() == 1) {
      // a run of one generator ends here: its shared reports are written once, now
      Path index = RunReportFiles.writeRun(settings.reportsDir(), sharding.runId(), List.of());
      System.out.println("generator: done (Gatling status " + status + "); reports in " + index);
      System.exit(0);
    }
    System.out.println("generator: done (Gatling status " + status + "; the gates are the merge's)");
    System.exit(0);
  }
}
