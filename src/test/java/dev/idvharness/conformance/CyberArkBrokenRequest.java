package dev.idvharness.conformance;

import dev.idvharness.config.Choice;

/** The error catalogue of SendIdentityVerification (contract 1.4), each request as the feature's Examples name it. */
public enum CyberArkBrokenRequest implements Choice {
  WRONG_PASSWORD("a wrong password", null),
  UNKNOWN_SESSION_ID("an unknown SessionId", null),
  OTHER_SESSIONS_MECHANISM_ID("a MechanismId of another session", null),
  OTHER_TENANT_ID("another TenantId", null),
  NO_ACTION("no Action", "Action"),
  NO_MECHANISM_ID("no MechanismId", "MechanismId"),
  NO_SESSION_ID("no SessionId", "SessionId"),
  NO_TENANT_ID("no TenantId", "TenantId"),
  ACTION_AS_A_NUMBER("Action as a number", null),
  CANCEL("Action \"Cancel\"", null),
  POLL_ON_THE_PASSWORD("Poll on the password mechanism", null),
  START_OOB_ON_THE_PASSWORD("StartOOB on the password mechanism", null),
  NOT_JSON("a body that is not JSON", null);

  private final String label;
  /** The field the request leaves out, or null. */
  private final String missingField;

  CyberArkBrokenRequest(String label, String missingField) {
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

  /** As a check names it: "a request without TenantId". */
  String described() {
    if (missingField != null) {
      return "a request without " + missingField;
    }
    return this == ACTION_AS_A_NUMBER ? "a request with Action not a string" : label;
  }
}
