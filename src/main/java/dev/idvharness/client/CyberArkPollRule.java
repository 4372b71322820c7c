package dev.idvharness.client;

import java.util.Set;

/**
 * The CyberArk poll loop's one rule (contract section 3), a pure function of (answer, elapsed time, settings): after
 * StartOOB, OobPending means wait {@code poll.intervalMs} and Poll again; StartNextChallenge, LoginSuccess or
 * NewPackage (the server swapped the package: {@link CyberArkChallengeWalk} restarts with it) is the verdict "passed"; {@code success:false} is a denial; anything else is a protocol failure; a wait that would end
 * past {@code poll.deadlineMs} ends the loop with the failure "deadline". The conformance loop
 * ({@link CyberArkPollLoop}) and the Gatling chain both call it.
 */
public final class CyberArkPollRule {

  public static final String PENDING = "OobPending";
  /** What an approved OOB mechanism may answer (contract 1.3). */
  public static final Set<String> PASSED = Set.of("StartNextChallenge", "LoginSuccess", "NewPackage");

  private final PollSettings settings;

  public CyberArkPollRule(PollSettings settings) {
    this.settings = settings;
  }

  /**
   * @param calls the loop's calls so far, this one included
   * @param elapsedMs time since the loop's first request, when this answer arrived
   */
  public LoopStep next(CyberArkAnswer answer, int calls, long elapsedMs) {
    if (answer.exchange().status() != 200 || answer.success().isEmpty()) {
      return LoopStep.end(Outcome.Kind.PROTOCOL,
          "not the CyberArk envelope (HTTP " + answer.exchange().status() + ")");
    }
    if (!answer.succeeded()) {
      return LoopStep.end(Outcome.Kind.DENIED, answer.summary());
    }
    String summary = answer.summary();
    if (PASSED.contains(summary)) {
      return LoopStep.end(Outcome.Kind.PASSED, summary);
    }
    if (!PENDING.equals(summary)) {
      return LoopStep.end(Outcome.Kind.PROTOCOL, "unexpected Summary " + summary);
    }
    if (elapsedMs + settings.intervalMs() > settings.deadlineMs()) {
      return LoopStep.end(Outcome.Kind.DEADLINE,
          "still " + PENDING + " after " + calls + " call(s); deadline " + settings.deadlineMs() + " ms");
    }
    return new LoopStep.Wait(settings.intervalMs());
  }
}
