package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The load generator's own account of a run: how late a tick due every {@link GeneratorMeter#TICK_MS} ms ran (p99
 * and max over {@code ticks}, and the worst per {@link GeneratorMeter#WINDOW_SECONDS}-second window from the run's
 * start, for the report's timeline), and the share of the machine's cores the generator process used. A late tick
 * means the generator's own scheduling fell behind (a busy runner, a long GC pause, a process stopped): its latency
 * figures then measure the generator, not the system under test.
 */
public record GeneratorHealth(long lagP99Ms, long lagMaxMs, long ticks, double cpuShare,
    SortedMap<Long, Long> worstLagMsByWindow) {

  /** An account without its timeline (tests of the gate). */
  public GeneratorHealth(long lagP99Ms, long lagMaxMs, long ticks, double cpuShare) {
    this(lagP99Ms, lagMaxMs, ticks, cpuShare, new TreeMap<>());
  }

  ObjectNode toJson() {
    ObjectNode node = HarnessJson.MAPPER.createObjectNode().put("lagP99Ms", lagP99Ms).put("lagMaxMs", lagMaxMs)
        .put("ticks", ticks).put("cpuShare", Math.round(cpuShare * 1000) / 1000.0)
        .put("windowSeconds", GeneratorMeter.WINDOW_SECONDS);
    ObjectNode windows = node.putObject("worstLagMsByWindow");
    worstLagMsByWindow.forEach((second, late) -> windows.put(String.valueOf(second), late));
    return node;
  }

  static GeneratorHealth fromJson(JsonNode node) {
    SortedMap<Long, Long> windows = new TreeMap<>();
    node.path("worstLagMsByWindow").fields().forEachRemaining(entry ->
        windows.put(Long.parseLong(entry.getKey()), entry.getValue().asLong()));
    return new GeneratorHealth(node.path("lagP99Ms").asLong(), node.path("lagMaxMs").asLong(),
        node.path("ticks").asLong(), node.path("cpuShare").asDouble(), windows);
  }
}
