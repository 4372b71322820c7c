package dev.idvharness.client;

/** The request got no HTTP answer: connection refused or reset, TLS handshake refused, timeout. */
public final class TransportFailure extends RuntimeException {

  private final boolean cutAtCallersLimit;

  public TransportFailure(String what, Throwable cause) {
    this(what, cause, false);
  }

  /** {@code cutAtCallersLimit}: it timed out at the limit the caller gave (a loop's deadline), not the client's own. */
  public TransportFailure(String what, Throwable cause, boolean cutAtCallersLimit) {
    super(what + ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
        cause);
    this.cutAtCallersLimit = cutAtCallersLimit;
  }

  /**
   * True when the request timed out at the caller's limit: the caller's deadline ended it, whatever the clock says a
   * moment later (the client's timer may fire a millisecond early).
   */
  public boolean cutAtCallersLimit() {
    return cutAtCallersLimit;
  }
}
