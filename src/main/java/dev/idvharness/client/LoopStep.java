package dev.idvharness.client;

/**
 * What a loop rule says after one answer: wait and call again, or end with a verdict or a named failure
 * ({@link Outcome.Kind#isVerdict()} tells which). The conformance loops and the Gatling chains both act on it.
 */
public sealed interface LoopStep {

  /** Call again after {@code ms} milliseconds. */
  record Wait(long ms) implements LoopStep {}

  /** The loop is over: a verdict, or a failure with its name and what caused it. */
  record End(Outcome.Kind kind, String detail) implements LoopStep {}

  static LoopStep end(Outcome.Kind kind, String detail) {
    return new End(kind, detail);
  }
}
