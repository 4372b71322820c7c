package dev.idvharness.load;

import java.lang.management.ManagementFactory;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Measures the load generator itself while it runs: a thread that should wake every {@link #TICK_MS} ms records how
 * late it woke (scheduling that falls behind delays Gatling's injection and pauses alike), and the process's CPU time
 * gives its share of the cores. One per simulation run, started before the injection and read at its end.
 */
final class GeneratorMeter {

  static final long TICK_MS = 100;

  /** Width of the windows whose worst lag the report's timeline draws. */
  static final long WINDOW_SECONDS = 5;

  private final Histogram lateMs = new Histogram(3_600_000L, 3);
  private final SortedMap<Long, Long> worstByWindow = new TreeMap<>();
  private final Thread ticker = new Thread(this::tick, "idv-generator-meter");
  private volatile boolean running = true;
  private long startedNanos;
  private long startedCpuNanos;

  void start() {
    startedNanos = System.nanoTime();
    startedCpuNanos = processCpuNanos();
    ticker.setDaemon(true);
    ticker.start();
  }

  /** Stops the ticks and says what they saw. */
  GeneratorHealth stop() {
    running = false;
    ticker.interrupt();
    try {
      ticker.join(1_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    long wallNanos = Math.max(1, System.nanoTime() - startedNanos);
    long cpuNanos = processCpuNanos() - startedCpuNanos;
    double share = cpuNanos < 0 ? -1 : cpuNanos / (double) wallNanos / Runtime.getRuntime().availableProcessors();
    synchronized (lateMs) {
      return new GeneratorHealth(lateMs.getTotalCount() == 0 ? 0 : lateMs.getValueAtPercentile(99),
          lateMs.getMaxValue(), lateMs.getTotalCount(), share, new TreeMap<>(worstByWindow));
    }
  }

  private void tick() {
    long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
    while (running) {
      LockSupport.parkNanos(due - System.nanoTime());
      if (!running) {
        return;
      }
      long now = System.nanoTime();
      if (now < due) {
        continue;
      }
      long late = Math.min(TimeUnit.NANOSECONDS.toMillis(now - due), 3_600_000L);
      long window = TimeUnit.NANOSECONDS.toSeconds(now - startedNanos) / WINDOW_SECONDS * WINDOW_SECONDS;
      synchronized (lateMs) {
        worstByWindow.merge(window, late, Math::max);
        // a stall of 3 s is also the 29 ticks it swallowed (HdrHistogram's correction for coordinated omission),
        // so a percentile sees it as long as it lasted, not as one sample
        lateMs.recordValueWithExpectedInterval(late, TICK_MS);
      }
      due = now + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
