package dev.idvharness.stub.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;

/**
 * The polling history of one session: the gaps between an answer and the client's next call, and how many calls
 * came earlier than the interval that answer asked for (IronVest retryAfterMS, CyberArk's minimum poll interval).
 * Gaps are measured from when our answer left (arrival plus the configured delay), so stub latency is not
 * blamed on the client. Guarded by the owning session's lock.
 */
public final class PollRecord {

  private long lastAnsweredAt = -1;
  private long expectedGapMs;
  private int polls;
  private int early;
  private int[] gaps;
  private int gapCount;
  private long lastGapMs = -1;

  /**
   * Records a call that arrived at {@code arrivedAt}; returns the interval it was asked to keep when it came too early,
   * else -1. {@code nextExpectedGapMs} is what the answer to this call asks of the next one (0: nothing).
   */
  public synchronized long onCall(long arrivedAt, long answeredAt, long nextExpectedGapMs, PollTotals totals) {
    long askedMs = -1;
    if (lastAnsweredAt >= 0 && expectedGapMs > 0) {
      long gap = arrivedAt - lastAnsweredAt;
      lastGapMs = gap;
      polls++;
      boolean tooEarly = gap + totals.toleranceMs() < expectedGapMs;
      if (tooEarly) {
        early++;
        askedMs = expectedGapMs;
      }
      keep(gap, totals.gapsKept());
      totals.record(gap, tooEarly);
    }
    lastAnsweredAt = answeredAt;
    expectedGapMs = nextExpectedGapMs;
    return askedMs;
  }

  private void keep(long gap, int limit) {
    if (limit == 0) {
      return;
    }
    if (gaps == null) {
      gaps = new int[Math.min(limit, 8)];
    }
    if (gapCount == gaps.length && gaps.length < limit) {
      gaps = java.util.Arrays.copyOf(gaps, Math.min(limit, gaps.length * 2));
    }
    if (gapCount < gaps.length) {
      gaps[gapCount++] = (int) Math.min(Integer.MAX_VALUE, Math.max(gap, Integer.MIN_VALUE));
    } else {
      // full: keep the most recent gaps
      System.arraycopy(gaps, 1, gaps, 0, gaps.length - 1);
      gaps[gaps.length - 1] = (int) Math.min(Integer.MAX_VALUE, gap);
    }
  }

  /** The gap before the last call that had an interval to keep (-1: none yet). */
  public synchronized long lastGapMs() {
    return lastGapMs;
  }

  public int polls() {
    return polls;
  }

  public int earlyPolls() {
    return early;
  }

  public synchronized ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("polls", polls);
    node.put("earlyPolls", early);
    node.put("expectedGapMs", expectedGapMs);
    ArrayNode list = node.putArray("gapsMs");
    for (int i = 0; i < gapCount; i++) {
      list.add(gaps[i]);
    }
    return node;
  }

  /** The record as one line, for a shared session store: {@link #of} reads it back. */
  public synchronized String state() {
    StringBuilder line = new StringBuilder().append(lastAnsweredAt).append(',').append(expectedGapMs).append(',')
        .append(polls).append(',').append(early).append(',').append(lastGapMs);
    for (int i = 0; i < gapCount; i++) {
      line.append(',').append(gaps[i]);
    }
    return line.toString();
  }

  public static PollRecord of(String state) {
    String[] fields = state.split(",");
    PollRecord record = new PollRecord();
    record.lastAnsweredAt = Long.parseLong(fields[0]);
    record.expectedGapMs = Long.parseLong(fields[1]);
    record.polls = Integer.parseInt(fields[2]);
    record.early = Integer.parseInt(fields[3]);
    record.lastGapMs = Long.parseLong(fields[4]);
    if (fields.length > 5) {
      record.gaps = new int[fields.length - 5];
      for (int i = 5; i < fields.length; i++) {
        record.gaps[record.gapCount++] = Integer.parseInt(fields[i]);
      }
    }
    return record;
  }
}
