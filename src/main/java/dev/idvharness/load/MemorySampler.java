package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.StubAdminClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the memory of the load generator (this JVM) and of the stub process (its admin stats) every few seconds,
 * so a soak run shows whether either grows: the summary compares the peak of the second half with the first.
 */
final class MemorySampler {

  /** Growth of the second half's peak over the first half's that still counts as a plateau. */
  static final double PLATEAU_TOLERANCE = 0.10;

  record Sample(long second, long driverHeapMb, long driverResidentMb, long stubHeapMb, long stubResidentMb,
      long stubLagP99Ms) {}

  private final StubAdminClient stub;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "idv-memory-sampler");
    thread.setDaemon(true);
    return thread;
  });
  private long startedAt;

  /** @param stub the stub's admin API, or null when there is no stub (a remote run) */
  MemorySampler(StubAdminClient stub) {
    this.stub = stub;
  }

  void start(long periodSeconds) {
    startedAt = System.currentTimeMillis();
    timer.scheduleAtFixedRate(this::sample, 0, periodSeconds, TimeUnit.SECONDS);
  }

  void stop() {
    timer.shutdownNow();
    sample();
  }

  private void sample() {
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    JsonNode stats = stubStats();
    JsonNode stub = stats.path("process");
    long lag = StubHealth.parse(stats).highestLagP99Ms();
    Sample sample = new Sample((System.currentTimeMillis() - startedAt) / 1000, heap, residentMb(),
        stub.path("heapUsedMb").asLong(-1), stub.path("residentMb").asLong(-1), lag);
    synchronized (samples) {
      samples.add(sample);
    }
  }

  ObjectNode toJson() {
    List<Sample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    ObjectNode node = HarnessJson.MAPPER.createObjectNode();
    ArrayNode list = node.putArray("samples");
    copy.forEach(s -> list.addObject().put("second", s.second()).put("driverHeapMb", s.driverHeapMb())
        .put("driverResidentMb", s.driverResidentMb()).put("stubHeapMb", s.stubHeapMb())
        .put("stubResidentMb", s.stubResidentMb()).put("stubLagP99Ms", s.stubLagP99Ms()));
    if (copy.size() >= 4) {
      List<Sample> first = copy.subList(0, copy.size() / 2);
      List<Sample> second = copy.subList(copy.size() / 2, copy.size());
      node.set("driverResidentMb", halves(first, second, Sample::driverResidentMb));
      if (copy.get(0).stubResidentMb() >= 0) {
        node.set("stubResidentMb", halves(first, second, Sample::stubResidentMb));
      }
    }
    return node;
  }

  private static ObjectNode halves(List<Sample> first, List<Sample> second,
      java.util.function.ToLongFunction<Sample> value) {
    long firstPeak = first.stream().mapToLong(value).max().orElse(0);
    long secondPeak = second.stream().mapToLong(value).max().orElse(0);
    return HarnessJson.MAPPER.createObjectNode().put("firstHalfPeak", firstPeak).put("secondHalfPeak", secondPeak)
        .put("plateau", secondPeak <= firstPeak * (1 + PLATEAU_TOLERANCE));
  }

  private JsonNode stubStats() {
    if (stub == null) {
      return HarnessJson.MAPPER.createObjectNode();
    }
    try {
      return stub.stats();
    } catch (RuntimeException unreadable) {
      return HarnessJson.MAPPER.createObjectNode();
    }
  }

  private static long residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (java.io.IOException | RuntimeException notLinux) {
      return -1;
    }
    return -1;
  }
}
