package dev.idvharness.load;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.LoadProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * What a load profile needs of this machine, checked before any traffic: every flow in flight holds one connection
 * (one open file), and {@code rate x time per flow} flows are in flight (Little's law), a flow counted at its loop's
 * deadline but at most {@link #FLOW_MS_CAP} (a CyberArk poll deadline of 6 minutes would ask for files no system that
 * keeps up uses). A limit below that stops the run with one line naming the limit and the fix. During a stress run,
 * {@link #openFiles()} tells the guard how close the process is to its limit.
 */
public final class ResourceBudget {

  /** Files a generator holds besides its connections: jars, logs, the JVM's own, the report writers. */
  static final int RESERVED_FILES = 256;
  static final long FLOW_MS_CAP = 60_000;
  /** Heap a flow in flight holds in the generator (its session, connection and buffers): see docs/benchmarks.md. */
  static final long HEAP_PER_FLOW_BYTES = 32 * 1024;
  /** Heap a generator uses besides its flows: Gatling, the recorders' histograms, the classes. */
  static final long HEAP_BASE_BYTES = 128L << 20;

  private ResourceBudget() {}

  /** Flows in flight at {@code rate} new flows per second when each may last up to {@code deadlineMs}. */
  public static long flowsInFlight(double rate, long deadlineMs) {
    return (long) Math.ceil(rate * Math.max(1, deadlineMs) / 1000.0);
  }

  /**
   * Throws when the open-file limit or the heap is below what the injection needs: all of its peak for a fixed
   * profile, the start of the ramp for stress (which the guard stops before either limit, wherever its knee is).
   */
  public static void check(LoadSettings settings) {
    checkFiles(settings.injection(), settings.longestDeadlineMs(), maxOpenFiles());
    checkHeap(settings.injection(), settings.longestDeadlineMs(), Runtime.getRuntime().maxMemory());
  }

  static void checkFiles(Injection injection, long longestDeadlineMs, long maxFiles) {
    if (maxFiles <= 0) {
      return; // not a Unix JVM: no limit to read
    }
    double rate = budgetedRate(injection);
    long flowMs = budgetedFlowMs(longestDeadlineMs);
    long needed = flowsInFlight(rate, flowMs) + RESERVED_FILES;
    if (needed > maxFiles) {
      throw new ConfigException(String.format(Locale.ROOT,
          "the %s profile needs up to %d open files (%s flows/s x %d ms per flow, one connection each, + %d); "
              + "this process may open %d: raise the limit (ulimit -n %d) or lower the rate",
          injection.profile().label(), needed, trim(rate), flowMs, RESERVED_FILES, maxFiles, needed));
    }
  }

  static void checkHeap(Injection injection, long longestDeadlineMs, long maxHeapBytes) {
    long flows = flowsInFlight(budgetedRate(injection), budgetedFlowMs(longestDeadlineMs));
    long needed = flows * HEAP_PER_FLOW_BYTES + HEAP_BASE_BYTES;
    if (needed > maxHeapBytes) {
      long neededMb = (needed >> 20) + 1;
      throw new ConfigException(String.format(Locale.ROOT,
          "the %s profile needs about %d MiB of heap (%d flows in flight x %d KiB + %d MiB); this JVM may use %d MiB:"
              + " raise it (-Xmx%dm) or lower the rate", injection.profile().label(), neededMb, flows,
          HEAP_PER_FLOW_BYTES >> 10, HEAP_BASE_BYTES >> 20, maxHeapBytes >> 20, neededMb));
    }
  }

  private static double budgetedRate(Injection injection) {
    return injection.profile() == LoadProfile.STRESS ? injection.startRate() : injection.peakRate();
  }

  private static long budgetedFlowMs(long longestDeadlineMs) {
    return Math.min(longestDeadlineMs, FLOW_MS_CAP);
  }

  /** Heap in use after the last collection (live data, not garbage), or -1 when no collector reports it. */
  public static long heapLiveBytes() {
    long live = -1;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null) {
        live = Math.max(live, 0) + afterGc.getUsed();
      }
    }
    return live;
  }

  /** The process's open-file limit, or -1 when the JVM cannot tell. */
  public static long maxOpenFiles() {
    return unix() instanceof UnixOperatingSystemMXBean os ? os.getMaxFileDescriptorCount() : -1;
  }

  /** Files the process has open now, or -1 when the JVM cannot tell. */
  public static long openFiles() {
    if (!(unix() instanceof UnixOperatingSystemMXBean os)) {
      return -1;
    }
    try {
      return os.getOpenFileDescriptorCount();
    } catch (InternalError atTheLimit) {
      // counting opens /proc/self/fd: failing with EMFILE means every descriptor is taken
      return maxOpenFiles();
    }
  }

  private static OperatingSystemMXBean unix() {
    return ManagementFactory.getOperatingSystemMXBean();
  }

  private static String trim(double rate) {
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }
}
