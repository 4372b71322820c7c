package dev.idvharness.stub.serve;

import dev.idvharness.stub.profile.Profile;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Per-session state keyed by the vendor's own session id (CyberArk SessionId, IronVest csid), bounded in size and
 * expiring after an idle time, so that a long load run cannot grow memory without limit. WireMock Scenarios are
 * not used: they are global and race under load.
 *
 * <p>A plain concurrent map with a last-access time per entry. Caffeine did the same with an access-order queue and
 * a frequency sketch updated on every call, and it was a tenth of the stub's CPU under load (docs/benchmarks.md);
 * here idle entries are swept in one pass at most every quarter of the idle time, on the calling thread, and a full
 * store trims itself to nine tenths of its maximum in one pass, the longest idle entries first (the cut-off read from
 * a sample of last-access times: the map's order is its keys' hash order, random enough for that).
 */
public final class SessionStore<V> implements SessionStates<V> {

  /** A full store trims itself to this share of its maximum, so that trimming is rare. */
  static final double TRIM_TO = 0.9;
  static final int TRIM_SAMPLE = 1024;

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicBoolean maintaining = new AtomicBoolean();
  private volatile int maxEntries;
  private volatile long idleTtlMs;
  private volatile long nextSweepAt;

  public SessionStore(Profile.Sessions limits) {
    configure(limits);
  }

  @Override
  public V get(String id) {
    long now = System.currentTimeMillis();
    sweepIfDue(now);
    Entry<V> entry = entries.get(id);
    if (entry == null) {
      return null;
    }
    if (entry.idleSince(now) > idleTtlMs) {
      entries.remove(id, entry);
      return null;
    }
    entry.lastAccess = now;
    return entry.value;
  }

  public V getOrCreate(String id, Function<String, V> create) {
    long now = System.currentTimeMillis();
    sweepIfDue(now);
    while (true) {
      Entry<V> entry = entries.get(id);
      if (entry != null && entry.idleSince(now) <= idleTtlMs) {
        entry.lastAccess = now;
        return entry.value;
      }
      // absent, or expired and replaced; a racing call that got there first wins and its session is used
      Entry<V> fresh = new Entry<>(create.apply(id), now);
      boolean added = entry == null ? entries.putIfAbsent(id, fresh) == null : entries.replace(id, entry, fresh);
      if (added) {
        makeRoom(now);
        return fresh.value;
      }
    }
  }

  @Override
  public void put(String id, V value) {
    long now = System.currentTimeMillis();
    sweepIfDue(now);
    if (entries.put(id, new Entry<>(value, now)) == null) {
      makeRoom(now);
    }
  }

  /** The change runs under the session's own lock, once. */
  @Override
  public <R> R update(String id, Function<String, V> create, Function<V, R> change) {
    V value = create == null ? get(id) : getOrCreate(id, create);
    if (value == null) {
      return change.apply(null);
    }
    synchronized (value) {
      return change.apply(value);
    }
  }

  @Override
  public boolean attemptsRepeat() {
    return false;
  }

  @Override
  public long size() {
    sweep(System.currentTimeMillis());
    return entries.size();
  }

  @Override
  public void clear() {
    entries.clear();
  }

  @Override
  public void configure(Profile.Sessions limits) {
    maxEntries = limits.maxEntries();
    idleTtlMs = limits.idleTtlSeconds() * 1000L;
    nextSweepAt = 0;
  }

  private void sweepIfDue(long now) {
    if (now >= nextSweepAt && maintaining.compareAndSet(false, true)) {
      try {
        sweep(now);
      } finally {
        maintaining.set(false);
      }
    }
  }

  private void sweep(long now) {
    nextSweepAt = now + Math.max(250, idleTtlMs / 4);
    entries.values().removeIf(entry -> entry.idleSince(now) > idleTtlMs);
  }

  /** Over the maximum: one caller trims the store, the longest idle entries first, the others go on. */
  private void makeRoom(long now) {
    if (entries.size() <= maxEntries || !maintaining.compareAndSet(false, true)) {
      return;
    }
    try {
      long target = (long) (maxEntries * TRIM_TO);
      long[] sample = new long[(int) Math.min(TRIM_SAMPLE, entries.size())];
      int taken = 0;
      for (Iterator<Entry<V>> it = entries.values().iterator(); it.hasNext() && taken < sample.length; ) {
        sample[taken++] = it.next().lastAccess;
      }
      java.util.Arrays.sort(sample, 0, taken);
      double share = 1 - (double) target / Math.max(1, entries.size());
      long cutoff = taken == 0 ? now : sample[(int) Math.min(taken - 1, Math.floor(share * taken))];
      entries.values().removeIf(entry -> entry.lastAccess <= cutoff && entries.size() > target);
      // all of them used at the same moment: any will do
      Iterator<String> any = entries.keySet().iterator();
      while (entries.size() > target && any.hasNext()) {
        any.next();
        any.remove();
      }
    } finally {
      maintaining.set(false);
    }
  }

  private static final class Entry<V> {
    final V value;
    volatile long lastAccess;

    Entry(V value, long now) {
      this.value = value;
      this.lastAccess = now;
    }

    long idleSince(long now) {
      return now - lastAccess;
    }
  }
}
