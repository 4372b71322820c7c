package dev.idvharness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.StubAdminClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;
import java.util.function.Supplier;

/**
 * What watches a simulation while it injects, so that the simulation keeps setup and injection only: a progress line
 * every 10 s, the stress guard every second, the stub's statistics reset once the warm-up is over, memory samples,
 * and the generator's own scheduling lag. Started when injection starts, stopped once at its end.
 */
final class RunMonitor {

  private static final long PROGRESS_EVERY_MS = 10_000;
  private static final long GUARD_EVERY_MS = 1_000;
  private static final long MEMORY_EVERY_SECONDS = 10;

  /** What the monitor saw: the generator's health and, when sampled, the memory over the run. */
  record Watched(GeneratorHealth generator, ObjectNode memory) {}

  private final String simulation;
  private final LoadSettings settings;
  private final StubAdminClient stubAdmin;
  private final StressGuard guard;
  private final Supplier<Collection<FlowRecorder>> recorders;
  private final GeneratorMeter meter = new GeneratorMeter();
  private MemorySampler memory;
  private Timer timers;
  private long startedAt;

  /** {@code stubAdmin} is null against a vendor; {@code guard} is null but for stress. */
  RunMonitor(String simulation, LoadSettings settings, StubAdminClient stubAdmin, StressGuard guard,
      Supplier<Collection<FlowRecorder>> recorders) {
    this.simulation = simulation;
    this.settings = settings;
    this.stubAdmin = stubAdmin;
    this.guard = guard;
    this.recorders = recorders;
  }

  void start(long injectionStartedAt) {
    startedAt = injectionStartedAt;
    meter.start();
    memory = new MemorySampler(stubAdmin);
    memory.start(MEMORY_EVERY_SECONDS);
    timers = new Timer("idv-run-monitor", true);
    every(PROGRESS_EVERY_MS, "progress line", this::printProgress);
    if (guard != null) {
      every(GUARD_EVERY_MS, "stress guard", this::watchTheKnee);
    }
    long warmupMs = settings.warmup().toMillis();
    if (stubAdmin != null && warmupMs > 0 && warmupMs < settings.totalInjection().duration().toMillis()) {
      timers.schedule(task("warm-up reset", stubAdmin::resetStats), warmupMs);
    }
  }

  Watched stop() {
    if (timers != null) {
      timers.cancel();
    }
    GeneratorHealth generator = meter.stop();
    ObjectNode sampled = null;
    if (memory != null) {
      memory.stop();
      sampled = memory.toJson();
    }
    return new Watched(generator, sampled);
  }

  private void every(long periodMs, String what, Runnable look) {
    timers.scheduleAtFixedRate(task(what, look), periodMs, periodMs);
  }

  /** A look that fails misses its turn only: a Timer whose task throws never runs any task again. */
  private static TimerTask task(String what, Runnable look) {
    return new TimerTask() {
      @Override
      public void run() {
        try {
          look.run();
        } catch (RuntimeException | InternalError missed) {
          System.out.println("load: " + what + ": this turn's look failed (" + missed.getMessage() + ")");
        }
      }
    };
  }

  private long flowsInFlight() {
    return recorders.get().stream().mapToLong(FlowRecorder::inFlight).sum();
  }

  private void watchTheKnee() {
    long now = System.currentTimeMillis();
    long inFlight = flowsInFlight();
    boolean wasInjecting = guard.injecting();
    guard.check(now, startedAt, inFlight, () -> recorders.get().stream().map(FlowRecorder::result).toList(),
        ResourceBudget::openFiles, ResourceBudget.maxOpenFiles(), ResourceBudget::heapLiveBytes,
        Runtime.getRuntime().maxMemory());
    if (wasInjecting && !guard.injecting()) {
      StressGuard.Stop stop = guard.stop();
      System.out.println(String.format(Locale.ROOT, "load: stress: the knee is clear at second %d "
          + "(%.1f flows/s): %s; no new flows, %d in flight get up to %d s", stop.atSecond(), stop.usersPerSec(),
          stop.reason(), stop.inFlight(), settings.drain().toSeconds()));
    }
    guard.checkDrained(now, inFlight);
  }

  /** One line every few seconds: what the run has done so far, so that a long run is not a silent one. */
  private void printProgress() {
    StringBuilder line = new StringBuilder("load: ").append(simulation).append(" at ")
        .append((System.currentTimeMillis() - startedAt) / 1000).append(" s:");
    recorders.get().forEach(recorder -> line.append(' ').append(recorder.progress()));
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    line.append(' ').append(flowsInFlight()).append(" in flight, heap ").append(heap.getUsed() >> 20).append(" of ")
        .append(heap.getMax() >> 20).append(" MiB, ").append(ResourceBudget.openFiles()).append(" open files;");
    if (stubAdmin != null) {
      long lag = StubHealth.read(stubAdmin).highestLagP99Ms();
      line.append(" stub lag p99 ").append(lag < 0 ? "-" : lag + " ms");
    }
    System.out.println(line);
  }
}
