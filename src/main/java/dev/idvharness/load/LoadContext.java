package dev.idvharness.load;

import dev.idvharness.config.HarnessConfig;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration and load settings of a run, read and checked once. A process that runs a simulation inside itself
 * ({@code load.job.Generator}) gives the simulation the context it checked, so both see one run id (drawn once when
 * {@code load.runId} is unset) and one set of values; without a given context a simulation reads the configuration
 * itself (the Gatling plugin's fork, a test).
 */
public record LoadContext(HarnessConfig config, LoadSettings settings) {

  private static final AtomicReference<LoadContext> GIVEN = new AtomicReference<>();

  /** This JVM's configuration and the settings made from it; a bad one throws a one-line ConfigException. */
  public static LoadContext read() {
    HarnessConfig config = HarnessConfig.load();
    return new LoadContext(config, LoadSettings.from(config));
  }

  /** The context the simulations of this process use from now on. */
  public static void give(LoadContext context) {
    GIVEN.set(context);
  }

  static LoadContext forSimulation() {
    LoadContext given = GIVEN.get();
    return given != null ? given : read();
  }
}
