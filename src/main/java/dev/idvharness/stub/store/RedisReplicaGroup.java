package dev.idvharness.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.ReplicaGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The replicas on one store, seen through it: every {@value #PUBLISH_EVERY_MS} ms each replica that served anything
 * since (and every {@value #REFRESH_EVERY_MS} ms any replica) writes its statistics
 * under {@code idv:replica:<id>} (expiring after a few missed turns, so a replica that is gone drops out) and looks
 * at the reset epoch {@code idv:reset-epoch}: a replica that resets all raises it, the others reset on their next
 * turn (on any change of it, so that a store that came back empty cannot leave one behind), and the one that raised
 * it waits until each has.
 */
final class RedisReplicaGroup implements ReplicaGroup {

  static final long PUBLISH_EVERY_MS = 250;
  private static final long EXPIRES_AFTER_MS = 5_000;
  /** An idle replica still writes its entry this often, so that it does not expire. */
  private static final long REFRESH_EVERY_MS = 2_000;
  private static final long RESET_WAIT_MS = 5_000;
  private static final String PREFIX = "idv:replica:";
  private static final String EPOCH = "idv:reset-epoch";

  private final SharedSessionStore store;
  private final Supplier<JsonNode> snapshot;
  private final LongSupplier activity;
  private final Runnable resetStats;
  private final String id;
  private long publishedActivity = -1;
  private long publishedAt;
  private final ScheduledExecutorService turns = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "idv-replica-publisher");
    thread.setDaemon(true);
    return thread;
  });
  private volatile long epoch;

  RedisReplicaGroup(SharedSessionStore store, Supplier<JsonNode> snapshot, LongSupplier activity,
      Runnable resetStats) {
    this.store = store;
    this.snapshot = snapshot;
    this.activity = activity;
    this.resetStats = resetStats;
    this.id = store.replicaId();
    try {
      String current = store.redis().get(EPOCH);
      epoch = current == null ? 0 : Long.parseLong(current);
    } catch (JedisException unreachable) {
      epoch = 0;
    }
    turns.scheduleWithFixedDelay(this::turn, 0, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /** One turn: reset if another replica reset all, then publish. A store that is away skips the turn. */
  private void turn() {
    try {
      long latest = currentEpoch();
      if (latest != epoch) {
        resetStats.run();
        epoch = latest;
        publish();
        return;
      }
      // the snapshot copies and compresses every histogram: only when something was served, or to stay alive
      if (activity.getAsLong() != publishedActivity || System.currentTimeMillis() - publishedAt >= REFRESH_EVERY_MS) {
        publish();
      }
    } catch (RuntimeException missed) {
      // the next turn tries again; the store logs its own outage
    }
  }

  /**
   * The store's reset epoch. A store that came back empty has none: each replica offers its own (the first one
   * written wins), so the replicas agree again without resetting one another's figures when theirs were the same.
   */
  private long currentEpoch() {
    store.redis().setnx(EPOCH, String.valueOf(epoch));
    return Long.parseLong(store.redis().get(EPOCH));
  }

  private synchronized ObjectNode publish() {
    publishedActivity = activity.getAsLong();
    publishedAt = System.currentTimeMillis();
    ObjectNode mine = Json.object().put("id", id).put("epoch", epoch);
    mine.set("snapshot", snapshot.get());
    store.redis().set(PREFIX + id, mine.toString(), SetParams.setParams().px(EXPIRES_AFTER_MS));
    return mine;
  }

  @Override
  public List<JsonNode> snapshots() {
    try {
      ObjectNode mine = publish();
      List<JsonNode> all = new ArrayList<>();
      all.add(mine);
      for (String key : keys()) {
        if (!key.equals(PREFIX + id)) {
          String text = store.redis().get(key);
          if (text != null) {
            all.add(Json.MAPPER.readTree(text));
          }
        }
      }
      return all;
    } catch (JedisException unreachable) {
      throw store.unavailable(unreachable);
    } catch (java.io.IOException unreadable) {
      throw new IllegalStateException("a replica's snapshot is not JSON: " + unreadable.getMessage());
    }
  }

  @Override
  public void resetAll() {
    try {
      currentEpoch();
      long raised = store.redis().incr(EPOCH);
      resetStats.run();
      epoch = raised;
      publish();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESET_WAIT_MS);
      while (System.nanoTime() < deadline && !allAt(raised)) {
        Thread.sleep(20);
      }
    } catch (JedisException unreachable) {
      throw store.unavailable(unreachable);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean allAt(long raised) {
    for (String key : keys()) {
      String text = store.redis().get(key);
      if (text != null && Json.parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .map(node -> node.path("epoch").asLong() != raised).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    store.scan(PREFIX, keys::addAll);
    return keys;
  }

  @Override
  public void close() {
    turns.shutdownNow();
    try {
      store.redis().del(PREFIX + id);
    } catch (JedisException gone) {
      // its entry expires by itself
    }
  }
}
