package dev.idvharness.stub.cyberark;

import dev.idvharness.stub.profile.Endpoint;

/** SendIdentityVerification actions, matched case-insensitively as the vendor text spells them both ways. */
enum Action {
  ANSWER("Answer", Endpoint.CYBERARK_ANSWER),
  START_OOB("StartOOB", Endpoint.CYBERARK_START_OOB),
  POLL("Poll", Endpoint.CYBERARK_POLL);

  final String wireName;
  final String endpoint;

  Action(String wireName, String endpoint) {
    this.wireName = wireName;
    this.endpoint = endpoint;
  }

  static Action of(String text) {
    if (text == null) {
      return null;
    }
    for (Action action : values()) {
      if (action.wireName.equalsIgnoreCase(text)) {
        return action;
      }
    }
    return null;
  }

  /** The statistics/latency name of a request whose Action may be missing or unknown. */
  static String endpointOf(String text) {
    Action action = of(text);
    return action == null ? Endpoint.CYBERARK_SEND : action.endpoint;
  }
}
