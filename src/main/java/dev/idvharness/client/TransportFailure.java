package dev.idvharness.client;

/** The request got no HTTP answer: connection refused or reset, TLS handshake refused, timeout. */
public final class TransportFailure extends RuntimeException {

  public TransportFailure(String what, Throwable cause) {
    super(what + ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
        cause);
  }
}
