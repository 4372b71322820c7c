package dev.idvharness.stub.store;

import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.serve.SessionStates;
import dev.idvharness.stub.serve.SessionStoreFactory;
import dev.idvharness.stub.serve.StateCodec;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The sessions of every replica of the stub in one Redis or Valkey ({@code --session-store redis://host:port}), so
 * that a session started on one replica goes on on any other. Each session is one hash (its state and a version);
 * a change is written by a script only if the version is still the one it read, else it runs again on the newer
 * state; every write sets the key's expiry to the profile's idle time and names the replica that wrote it. Keys:
 * {@code idv:<vendor>:<session>}, the session key holding the tenant or organisation as it does in memory.
 */
public final class SharedSessionStore implements SessionStoreFactory, AutoCloseable {

  private final String address;
  private final RedisClient redis;
  /** One line when the store goes away and one when it is back: an outage is not a line per request. */
  private final AtomicBoolean down = new AtomicBoolean();
  /** This replica among those on the store: its statistics' entry, and the last writer of a session it changed. */
  private final String replicaId = java.util.UUID.randomUUID().toString().substring(0, 8);
  /** Each script's SHA1, once loaded. */
  private final java.util.Map<String, String> scripts = new java.util.concurrent.ConcurrentHashMap<>();

  private SharedSessionStore(String address, RedisClient redis) {
    this.address = address;
    this.redis = redis;
  }

  /** {@code redis://host:port} (or {@code rediss://} for TLS, {@code redis://:password@host:port}); not yet connected. */
  public static SharedSessionStore connect(String uri) {
    URI parsed = parse(uri);
    String userInfo = parsed.getUserInfo();
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .ssl("rediss".equalsIgnoreCase(parsed.getScheme()))
        .connectionTimeoutMillis(1_000)
        .socketTimeoutMillis(2_000)
        .clientName("idv-stubs");
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon > 0) {
        config.user(userInfo.substring(0, colon));
      }
      config.password(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
    }
    int port = parsed.getPort() > 0 ? parsed.getPort() : 6379;
    String shown = parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getHost() + ":" + port;
    // as many connections as the server has threads that could want one at once
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(64);
    pool.setMaxIdle(64);
    // a store that went away leaves broken idle connections: each second they are checked, and dropped, so that the
    // replicas answer again soon after it is back (a check on every borrow would cost a round trip per request)
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(java.time.Duration.ofSeconds(1));
    pool.setNumTestsPerEvictionRun(-1);
    return new SharedSessionStore(shown, RedisClient.builder().hostAndPort(new HostAndPort(parsed.getHost(), port))
        .clientConfig(config.build()).poolConfig(pool).build());
  }

  /** A session store address, or one line saying what is wrong with it (the password is never shown). */
  public static URI parse(String uri) {
    URI parsed;
    try {
      parsed = URI.create(uri.trim());
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("--session-store must be redis://host:port, not a malformed URI");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss") || parsed.getHost() == null) {
      throw new IllegalArgumentException("--session-store must be redis://host:port or rediss://host:port, not "
          + (parsed.getHost() == null ? "an address without a host" : "scheme " + scheme));
    }
    return parsed;
  }

  @Override
  public <S> SessionStates<S> open(String name, StateCodec<S> codec, Profile.Sessions limits) {
    return new RedisSessionStates<>(this, "idv:" + name + ":", codec, limits);
  }

  @Override
  public dev.idvharness.stub.serve.ReplicaGroup join(java.util.function.Supplier<com.fasterxml.jackson.databind.JsonNode>
      snapshot, java.util.function.LongSupplier activity, Runnable resetStats) {
    return new RedisReplicaGroup(this, snapshot, activity, resetStats);
  }

  @Override
  public String describe() {
    return address;
  }

  /** Whether the store answers now (the health check says so; a replica without its store serves only 503s). */
  public boolean reachable() {
    try {
      return "PONG".equals(redis.ping());
    } catch (JedisException unreachable) {
      return false;
    }
  }

  RedisClient redis() {
    return redis;
  }

  String replicaId() {
    return replicaId;
  }

  /**
   * Runs a script by its SHA1 (EVALSHA: the body crosses the network once per store, not with every call), loading
   * it first, and again when the store forgot it (a restart, SCRIPT FLUSH).
   */
  Object script(String body, java.util.List<String> keys, java.util.List<String> args) {
    String sha = scripts.computeIfAbsent(body, redis::scriptLoad);
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException forgotten) {
      scripts.put(body, redis.scriptLoad(body));
      return redis.evalsha(scripts.get(body), keys, args);
    }
  }

  /** Every key under {@code prefix}, a page at a time (SCAN: the store never blocks on it). */
  void scan(String prefix, java.util.function.Consumer<java.util.List<String>> page) {
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(prefix + "*")
        .count(1000);
    do {
      ScanResult<String> result = redis.scan(cursor, match);
      page.accept(result.getResult());
      cursor = result.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  /** A failed call: one line when the outage starts, and the vendor's 503 for the request. */
  SessionStates.Unavailable unavailable(JedisException cause) {
    if (down.compareAndSet(false, true)) {
      System.err.println("idv-stubs: session store " + address + " unreachable (" + cause.getClass().getSimpleName()
          + "): answering 503 until it is back");
    }
    return new SessionStates.Unavailable("session store " + address + " unreachable");
  }

  /** A call that went through: one line when an outage ends. */
  void answered() {
    if (down.get() && down.compareAndSet(true, false)) {
      System.err.println("idv-stubs: session store " + address + " is back");
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
