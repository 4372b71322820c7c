package dev.idvharness.client;

/**
 * The CyberArk poll loop of contract section 3: after StartOOB, Polls and does what {@link CyberArkPollRule} says,
 * until a verdict or a named failure. No request outlives the deadline.
 */
public final class CyberArkPollLoop {

  private final CyberArkClient client;
  private final CyberArkPollRule rule;
  private final long deadlineMs;
  private final Pause pause;

  public CyberArkPollLoop(CyberArkClient client, PollSettings settings, Pause pause) {
    this.client = client;
    this.rule = new CyberArkPollRule(settings);
    this.deadlineMs = settings.deadlineMs();
    this.pause = pause;
  }

  /** Polls a mechanism already started with StartOOB; the outcome's detail is the final Summary. */
  public Outcome run(String sessionId, String mechanismId) {
    LoopRun run = new LoopRun(pause, deadlineMs);
    while (true) {
      CyberArkAnswer answer;
      try {
        answer = client.poll(sessionId, mechanismId, run.remaining());
      } catch (TransportFailure unreachable) {
        return run.unreachable(unreachable);
      }
      run.called(answer.exchange());
      LoopStep step = rule.next(answer, run.calls(), run.elapsedMs());
      if (step instanceof LoopStep.End end) {
        return run.end(end.kind(), end.detail());
      }
      if (!run.pause(((LoopStep.Wait) step).ms())) {
        return run.deadline("interrupted");
      }
    }
  }
}
