package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load generator's own account of a run: how late a tick due every {@link GeneratorMeter#TICK_MS} ms ran (p99
 * and max over {@code ticks}), and the share of the machine's cores the generator process used. A late tick means
 * the generator's own scheduling fell behind (a busy runner, a long GC pause, a process stopped): its latency
 * figures then measure the generator, not the system under test.
 */
public record GeneratorHealth(long lagP99Ms, long lagMaxMs, long ticks, double cpuShare) {

  ObjectNode toJson() {
    return RunReport.JSON.createObjectNode().put("lagP99Ms", lagP99Ms).put("lagMaxMs", lagMaxMs).put("ticks", ticks)
        .put("cpuShare", Math.round(cpuShare * 1000) / 1000.0);
  }

  static GeneratorHealth fromJson(JsonNode node) {
    return new GeneratorHealth(node.path("lagP99Ms").asLong(), node.path("lagMaxMs").asLong(),
        node.path("ticks").asLong(), node.path("cpuShare").asDouble());
  }
}
