package dev.idvharness.stub.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** The stub process's memory, so a long run can show that it plateaus (the session stores are bounded). */
public final class ProcessMemory {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  public static ObjectNode toJson() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    ObjectNode node = Json.object();
    node.put("heapUsedMb", heap.getUsed() >> 20);
    node.put("heapCommittedMb", heap.getCommitted() >> 20);
    long rssKb = residentKb();
    if (rssKb >= 0) {
      node.put("residentMb", rssKb >> 10);
    }
    return node;
  }

  /** VmRSS from /proc (Linux); -1 where there is none. */
  private static long residentKb() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      return -1;
    }
    return -1;
  }
}
