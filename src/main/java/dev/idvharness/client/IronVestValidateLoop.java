package dev.idvharness.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

/**
 * The IronVest validate loop of contract section 3: calls validate and does what {@link IronVestValidateRule} says,
 * until a verdict or a named failure. No request outlives the deadline.
 */
public final class IronVestValidateLoop {

  private final IronVestClient client;
  private final IronVestValidateRule rule;
  private final long deadlineMs;
  private final Pause pause;
  private final RandomGenerator random;

  public IronVestValidateLoop(IronVestClient client, ValidateSettings settings, Pause pause, RandomGenerator random) {
    this.client = client;
    this.rule = new IronVestValidateRule(settings);
    this.deadlineMs = settings.deadlineMs();
    this.pause = pause;
    this.random = random;
  }

  public Outcome run(ObjectNode body) {
    LoopRun run = new LoopRun(pause, deadlineMs);
    IronVestValidateRule.State state = IronVestValidateRule.State.START;
    while (true) {
      IronVestAnswer answer;
      try {
        answer = client.validate(body, run.remaining());
      } catch (TransportFailure unreachable) {
        return run.unreachable(unreachable);
      }
      run.called(answer.exchange());
      IronVestValidateRule.Next next = rule.next(answer, state, run.elapsedMs(), ZonedDateTime.now(), random);
      state = next.state();
      if (next.step() instanceof LoopStep.End end) {
        return run.end(end.kind(), end.detail());
      }
      if (!run.pause(((LoopStep.Wait) next.step()).ms())) {
        return run.deadline("interrupted");
      }
    }
  }
}
