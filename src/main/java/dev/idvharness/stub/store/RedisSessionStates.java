package dev.idvharness.stub.store;

import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.serve.SessionStates;
import dev.idvharness.stub.serve.StateCodec;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One vendor's sessions in the shared store. A change runs on a decoded copy of the state and is written by
 * {@link #WRITE_IF_UNCHANGED} only if the version is still the one it ran on: two replicas changing one session never
 * both write what each read (the loser runs its change again on the winner's state, which the script answered).
 */
final class RedisSessionStates<S> implements SessionStates<S> {

  /**
   * KEYS[1]: the session; ARGV: the version read ("" when absent), the new state, the idle time in ms, the writing
   * replica. Answers {1} when written, else {0, version, state} as the store has them ("" when absent), so that the
   * loser needs no read.
   */
  static final String WRITE_IF_UNCHANGED = String.join("\n",
      "local now = redis.call('HMGET', KEYS[1], 'v', 's')",
      "local v = now[1] or ''",
      "if v ~= ARGV[1] then return {0, v, now[2] or ''} end",
      "redis.call('HSET', KEYS[1], 'v', tostring((tonumber(v) or 0) + 1), 's', ARGV[2], 'w', ARGV[4])",
      "redis.call('PEXPIRE', KEYS[1], ARGV[3])",
      "return {1}");
  /** Changes of one session by many replicas at one moment: enough rounds for every one of them to get through. */
  private static final int MAX_ATTEMPTS = 64;

  private final SharedSessionStore store;
  private final String prefix;
  private final StateCodec<S> codec;
  private volatile long idleTtlMs;

  RedisSessionStates(SharedSessionStore store, String prefix, StateCodec<S> codec, Profile.Sessions limits) {
    this.store = store;
    this.prefix = prefix;
    this.codec = codec;
    configure(limits);
  }

  @Override
  public S get(String id) {
    String text = call(() -> store.redis().hget(prefix + id, "s"));
    return text == null ? null : codec.decode(text);
  }

  @Override
  public void put(String id, S state) {
    write(prefix + id, "", state);
  }

  /**
   * Reads the session, runs the change on it (or on a new one from {@code create}) and writes it; when the store holds
   * another version by then, the script answers it with its state, and the change runs again on that, without a read.
   */
  @Override
  public <R> R update(String id, Function<String, S> create, Function<S, R> change) {
    String key = prefix + id;
    List<String> read = call(() -> store.redis().hmget(key, "v", "s"));
    String version = read.get(0) == null ? "" : read.get(0);
    S state = read.get(1) != null ? codec.decode(read.get(1)) : create == null ? null : create.apply(id);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (state == null) {
        return change.apply(null);
      }
      R result = change.apply(state);
      List<?> answer = write(key, version, state);
      if (Long.valueOf(1).equals(answer.get(0))) {
        return result;
      }
      version = text(answer.get(1));
      String current = text(answer.get(2));
      state = !current.isEmpty() ? codec.decode(current) : create == null ? null : create.apply(id);
    }
    throw new SessionStates.Unavailable("session " + id + " changed by other replicas " + MAX_ATTEMPTS
        + " times in a row");
  }

  private List<?> write(String key, String version, S state) {
    return (List<?>) call(() -> store.script(WRITE_IF_UNCHANGED, List.of(key),
        List.of(version, codec.encode(state), String.valueOf(idleTtlMs), store.replicaId())));
  }

  private static String text(Object reply) {
    return reply instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(reply);
  }

  /** Every call of a session writes it: the replica that wrote it last answered its last call (false when gone). */
  @Override
  public boolean lastCalledHere(String id) {
    return store.replicaId().equals(call(() -> store.redis().hget(prefix + id, "w")));
  }

  @Override
  public boolean attemptsRepeat() {
    return true;
  }

  /** The live sessions of this vendor across every replica (a scan: for the admin API, not the hot path). */
  @Override
  public long size() {
    long[] count = new long[1];
    scan(keys -> count[0] += keys.size());
    return count[0];
  }

  @Override
  public void clear() {
    scan(keys -> {
      if (!keys.isEmpty()) {
        store.redis().unlink(keys.toArray(String[]::new));
      }
    });
  }

  @Override
  public void configure(Profile.Sessions limits) {
    // the store bounds memory itself (its maxmemory policy); the idle time is each key's expiry
    idleTtlMs = limits.idleTtlSeconds() * 1000L;
  }

  private void scan(java.util.function.Consumer<List<String>> batch) {
    call(() -> {
      store.scan(prefix, batch);
      return null;
    });
  }

  private <T> T call(java.util.function.Supplier<T> request) {
    try {
      T answer = request.get();
      store.answered();
      return answer;
    } catch (JedisException unreachable) {
      throw store.unavailable(unreachable);
    }
  }
}
