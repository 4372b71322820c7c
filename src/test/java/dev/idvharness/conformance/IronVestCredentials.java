package dev.idvharness.conformance;

import dev.idvharness.config.Choice;

/** The credentials of the 403 family (contract 2.2), as the feature's Examples name them. */
public enum IronVestCredentials implements Choice {
  NO_APIKEY_HEADER("no apikey header"),
  UNKNOWN_APIKEY("an unknown apikey"),
  ANOTHER_CLIENTS_APIKEY("the apikey of another client"),
  HEADER_SPELLED_API_KEY("the apikey header spelled apiKey");

  private final String label;

  IronVestCredentials(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
