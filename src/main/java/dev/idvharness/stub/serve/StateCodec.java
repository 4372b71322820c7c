package dev.idvharness.stub.serve;

/** A session's state as one line of text, for a store shared by replicas (what the state machine changes, no more). */
public interface StateCodec<S> {

  String encode(S state);

  S decode(String text);
}
