package dev.idvharness.conformance;

import dev.idvharness.config.Choice;

/** The broken bodies of the 422 family (contract 2.2), as the feature's Examples name them. */
public enum IronVestBreakage implements Choice {
  NOT_JSON("a body that is not JSON", null),
  NO_CID("no cid", "cid"),
  NO_CSID("no csid", "csid"),
  NO_UID("no uid", "uid"),
  NO_ADDITIONAL_DATA("no additionalData", "additionalData"),
  NO_SESSION_DATA("no sessionData", null),
  CID_AS_A_NUMBER("cid as a number", null),
  ENROLLMENT_AS_A_STRING("enrollment as a string", null),
  SESSION_DATA_AS_AN_OBJECT("sessionData as an object", null),
  ENTRY_WITHOUT_KEY("an entry without key", null),
  ENTRY_VALUE_A_BOOLEAN("an entry whose value is a boolean", null),
  ENTRY_A_STRING("an entry that is a string", null);

  private final String label;
  /** The top-level field the body leaves out, or null. */
  private final String missingField;

  IronVestBreakage(String label, String missingField) {
    this.label = label;
    this.missingField = missingField;
  }

  @Override
  public String label() {
    return label;
  }

  String missingField() {
    return missingField;
  }
}
