package dev.idvharness.conformance;

import dev.idvharness.config.Choice;

/** What a client presents to the stubs' mTLS endpoint in the refusal cases (contract 2.1). */
public enum ClientCertificate implements Choice {
  NONE("no client certificate"),
  FOREIGN_CA("a certificate from a foreign CA"),
  EXPIRED("an expired certificate");

  private final String label;

  ClientCertificate(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
