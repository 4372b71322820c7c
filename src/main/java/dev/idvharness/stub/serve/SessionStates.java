package dev.idvharness.stub.serve;

import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.stats.PollTotals;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The per-session state of one vendor, keyed by the vendor's own session id: in this process ({@link SessionStore},
 * the default) or in a Redis or Valkey that every replica of the stub shares ({@code stub.store.SharedSessionStore}).
 * Every change of a session is atomic: a change runs on the session alone, and in a shared store it is written only
 * if no other replica changed the session meanwhile, else it runs again on the newer state ({@link #attemptsRepeat}).
 */
public interface SessionStates<S> {

  /** The state of a live session, or null; shared: a copy, to read. */
  S get(String id);

  /** Keeps a new session's state. */
  void put(String id, S state);

  /**
   * Runs {@code change} on the state of session {@code id} and keeps what it made of it. With {@code create} null, an
   * absent session is given to {@code change} as null (and nothing is kept); otherwise {@code create} makes it.
   */
  <R> R update(String id, Function<String, S> create, Function<S, R> change);

  /**
   * {@link #update}, for a change that counts polls: it counts them into {@code totals} once, when the change is
   * kept (a change that runs again counts again only what it does then).
   */
  default <R> R update(String id, Function<String, S> create, PollTotals totals,
      BiFunction<S, PollTotals, R> change) {
    if (!attemptsRepeat()) {
      return update(id, create, state -> change.apply(state, totals));
    }
    PollTotals.Deferred[] kept = new PollTotals.Deferred[1];
    R result = update(id, create, state -> {
      kept[0] = PollTotals.deferred(totals);
      return change.apply(state, kept[0]);
    });
    kept[0].commit();
    return result;
  }

  /**
   * Whether this process answered the last call of live session {@code id}: always in memory; on a shared store,
   * false when another replica did since, or when the session is gone.
   */
  default boolean lastCalledHere(String id) {
    return true;
  }

  /** True when a change may run more than once (a shared store's retry): its effects outside the state must wait. */
  boolean attemptsRepeat();

  long size();

  void clear();

  /** Applies new limits (a profile replaced at run time). */
  void configure(Profile.Sessions limits);

  /** Thrown when the shared store cannot be reached: the call gets the vendor's 503, and the stub goes on. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message, null, false, false);
    }
  }
}
