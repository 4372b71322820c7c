package dev.idvharness.stub.profile;

import java.util.List;

/** The names under which latency, faults and statistics are kept: one per endpoint, and per CyberArk action. */
public final class Endpoint {

  public static final String CYBERARK_START = "cyberark.StartAuthentication";
  public static final String CYBERARK_SEND = "cyberark.SendIdentityVerification";
  public static final String CYBERARK_ANSWER = CYBERARK_SEND + ".Answer";
  public static final String CYBERARK_START_OOB = CYBERARK_SEND + ".StartOOB";
  public static final String CYBERARK_POLL = CYBERARK_SEND + ".Poll";
  public static final String IRONVEST_VALIDATE = "ironvest.validate";

  /** Every name a profile may configure; statistics are reported under the most specific one. */
  public static final List<String> ALL =
      List.of(CYBERARK_START, CYBERARK_SEND, CYBERARK_ANSWER, CYBERARK_START_OOB, CYBERARK_POLL, IRONVEST_VALIDATE);

  private Endpoint() {}

  /** The endpoint a name falls back to when the profile does not configure it (Poll falls back to the whole call). */
  public static String parent(String name) {
    return name.startsWith(CYBERARK_SEND + ".") ? CYBERARK_SEND : null;
  }
}
