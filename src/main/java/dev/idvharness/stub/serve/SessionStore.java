package dev.idvharness.stub.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idvharness.stub.profile.Profile;
import java.time.Duration;
import java.util.function.Function;

/**
 * Per-session state keyed by the vendor's own session id (CyberArk SessionId, IronVest csid), bounded in size and
 * expiring after an idle time, so that a long load run cannot grow memory without limit. WireMock Scenarios are
 * not used: they are global and race under load.
 */
public final class SessionStore<V> {

  private final Cache<String, V> cache;

  public SessionStore(Profile.Sessions limits) {
    this.cache = Caffeine.newBuilder()
        // maintenance on the calling thread: handing it to the common pool woke a thread on most requests
        .executor(Runnable::run)
        .maximumSize(limits.maxEntries())
        .expireAfterAccess(Duration.ofSeconds(limits.idleTtlSeconds()))
        .build();
  }

  public V get(String id) {
    return cache.getIfPresent(id);
  }

  public V getOrCreate(String id, Function<String, V> create) {
    return cache.get(id, create);
  }

  public void put(String id, V value) {
    cache.put(id, value);
  }

  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  public void clear() {
    cache.invalidateAll();
  }

  /** Applies new limits to the live store (a profile replaced at run time). */
  public void configure(Profile.Sessions limits) {
    cache.policy().eviction().ifPresent(eviction -> eviction.setMaximum(limits.maxEntries()));
    cache.policy().expireAfterAccess().ifPresent(expiry -> expiry.setExpiresAfter(Duration.ofSeconds(limits.idleTtlSeconds())));
  }
}
