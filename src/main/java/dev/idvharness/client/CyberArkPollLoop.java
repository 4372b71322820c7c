package dev.idvharness.client;

import java.util.Set;

/**
 * The CyberArk poll loop of contract section 3: after StartOOB, Poll every {@code poll.intervalMs} until the Summary
 * is no longer OobPending, {@code success} is false, or {@code poll.deadlineMs} passes.
 */
public final class CyberArkPollLoop {

  public static final String PENDING = "OobPending";
  /** What an approved OOB mechanism may answer (contract 1.3). */
  public static final Set<String> PASSED = Set.of("StartNextChallenge", "LoginSuccess");

  private final CyberArkClient client;
  private final PollSettings settings;
  private final Pause pause;

  public CyberArkPollLoop(CyberArkClient client, PollSettings settings, Pause pause) {
    this.client = client;
    this.settings = settings;
    this.pause = pause;
  }

  /** Polls a mechanism already started with StartOOB; the outcome's detail is the final Summary. */
  public Outcome run(String sessionId, String mechanismId) {
    LoopRun run = new LoopRun(pause, settings.deadlineMs());
    while (true) {
      CyberArkAnswer answer;
      try {
        answer = client.poll(sessionId, mechanismId, run.remaining());
      } catch (TransportFailure unreachable) {
        return run.pastDeadline() ? run.deadline("unanswered") : run.end(Outcome.Kind.UNREACHABLE, unreachable.getMessage());
      }
      run.called(answer.exchange());
      if (answer.exchange().status() != 200 || answer.success().isEmpty()) {
        return run.end(Outcome.Kind.PROTOCOL, "not the CyberArk envelope (HTTP " + answer.exchange().status() + ")");
      }
      if (!answer.succeeded()) {
        return run.end(Outcome.Kind.DENIED, answer.summary());
      }
      String summary = answer.summary();
      if (!PENDING.equals(summary)) {
        return PASSED.contains(summary)
            ? run.end(Outcome.Kind.PASSED, summary)
            : run.end(Outcome.Kind.PROTOCOL, "unexpected Summary " + summary);
      }
      if (!run.waitWithinDeadline(settings.intervalMs())) {
        return run.deadline(PENDING);
      }
    }
  }
}
