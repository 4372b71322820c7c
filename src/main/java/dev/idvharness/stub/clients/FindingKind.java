package dev.idvharness.stub.clients;

import java.util.List;

/** What the client report names, each with its one-line meaning (the JUnit XML and the docs use the same words). */
public enum FindingKind {
  EARLY_POLL("early-poll", "a call came earlier than the retryAfterMS, Retry-After or poll interval it was given"),
  ABANDONED("abandoned", "a session left at \"processing\" or OobPending got no call within ten times its retry hint"
      + " (at least one second): the client gave up before the verdict"),
  REPEATED_REFUSED("repeated-refused", "a request the stub refused (403, 422, an error object) was sent again unchanged"),
  AFTER_END("after-end", "a call on a CyberArk session that had already ended (LoginSuccess, LoginFailure)"),
  REFUSED("refused", "requests refused, by the field or rule that refused them");

  public static final List<FindingKind> ALL = List.of(values());

  private final String label;
  private final String meaning;

  FindingKind(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }
}
