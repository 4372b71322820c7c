package dev.idvharness.stub.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Poll discipline of all sessions of one vendor: polls that had an interval to respect, and how many did not. */
public final class PollDisciplineStats implements PollTotals {

  private final LongAdder polls = new LongAdder();
  private final LongAdder early = new LongAdder();
  private final Histogram gapMs = new ConcurrentHistogram(3_600_000L, 3);
  private volatile int toleranceMs;
  private volatile int gapsKept;

  PollDisciplineStats(int toleranceMs, int gapsKept) {
    configure(toleranceMs, gapsKept);
  }

  void configure(int toleranceMs, int gapsKept) {
    this.toleranceMs = toleranceMs;
    this.gapsKept = gapsKept;
  }

  @Override
  public int toleranceMs() {
    return toleranceMs;
  }

  @Override
  public int gapsKept() {
    return gapsKept;
  }

  @Override
  public void record(long gap, boolean tooEarly) {
    polls.increment();
    if (tooEarly) {
      early.increment();
    }
    gapMs.recordValue(Math.max(0, Math.min(gap, 3_600_000L)));
  }

  public long polls() {
    return polls.sum();
  }

  public long earlyPolls() {
    return early.sum();
  }

  ObjectNode snapshot() {
    return Json.object().put("polls", polls.sum()).put("earlyPolls", early.sum())
        .put("gapMs", HistogramCodec.encode(gapMs));
  }

  void add(com.fasterxml.jackson.databind.JsonNode snapshot) {
    polls.add(snapshot.path("polls").asLong());
    early.add(snapshot.path("earlyPolls").asLong());
    HistogramCodec.addTo(gapMs, snapshot.path("gapMs").asText());
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("polls", polls.sum());
    node.put("earlyPolls", early.sum());
    node.put("toleranceMs", toleranceMs);
    node.set("gapMs", EndpointStats.summary(gapMs));
    return node;
  }
}
