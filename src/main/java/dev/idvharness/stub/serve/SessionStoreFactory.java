package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.profile.Profile;

/** Opens each vendor's session states: in this process by default, or in the store the replicas share. */
public interface SessionStoreFactory {

  /** {@code name} keeps one vendor's or one kind's keys apart from the others' in a shared store. */
  <S> SessionStates<S> open(String name, StateCodec<S> codec, Profile.Sessions limits);

  /** Where the sessions are, for the log line and the admin API ("in memory", "redis://host:6379"). */
  String describe();

  /**
   * This replica joins the others on the store: {@code snapshot} gives what it shows the others (its statistics, its client report), {@code activity} a count
   * that moves whenever the snapshot would (so an idle replica does not rebuild it), {@code resetStats} resets
   * them when another replica resets all. Null for a store of one process (the in-memory one): it is alone.
   */
  default ReplicaGroup join(java.util.function.Supplier<JsonNode> snapshot, java.util.function.LongSupplier activity,
      Runnable resetStats) {
    return null;
  }

  static SessionStoreFactory inMemory() {
    return new SessionStoreFactory() {
      @Override
      public <S> SessionStates<S> open(String name, StateCodec<S> codec, Profile.Sessions limits) {
        return new SessionStore<>(limits);
      }

      @Override
      public String describe() {
        return "in memory";
      }
    };
  }
}
