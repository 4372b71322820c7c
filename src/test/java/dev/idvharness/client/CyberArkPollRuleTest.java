package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CyberArk poll rule, one row per answer a Poll may get (contract 1.3 and section 3). */
class CyberArkPollRuleTest {

  /** Poll every 1,000 ms, give up after 10 s. */
  private static final CyberArkPollRule RULE = new CyberArkPollRule(new PollSettings(1_000, 10_000));

  static Stream<Arguments> answers() {
    return Stream.of(
        row("OobPending", 200, summary(true, "OobPending"), 0, new LoopStep.Wait(1_000)),
        row("OobPending with unknown fields", 200,
            "{\"success\":true,\"Result\":{\"Summary\":\"OobPending\",\"New\":[1]},\"Extra\":null}", 0,
            new LoopStep.Wait(1_000)),
        row("LoginSuccess", 200, summary(true, "LoginSuccess"), 0, end(Outcome.Kind.PASSED)),
        row("StartNextChallenge", 200, summary(true, "StartNextChallenge"), 0, end(Outcome.Kind.PASSED)),
        row("denied (success:false)", 200, summary(false, "Failure"), 0, end(Outcome.Kind.DENIED)),
        row("success:false without a Result", 200, "{\"success\":false,\"Result\":null,\"Message\":\"x\"}", 0,
            end(Outcome.Kind.DENIED)),
        row("an unknown Summary", 200, summary(true, "SomethingNew"), 0, end(Outcome.Kind.PROTOCOL)),
        row("no success field", 200, "{\"Result\":{\"Summary\":\"OobPending\"}}", 0, end(Outcome.Kind.PROTOCOL)),
        row("HTTP 500", 500, summary(true, "OobPending"), 0, end(Outcome.Kind.PROTOCOL)),
        row("an HTML page", 200, "<html>maintenance</html>", 0, end(Outcome.Kind.PROTOCOL)),
        row("OobPending, the next wait would pass the deadline", 200, summary(true, "OobPending"), 9_500,
            end(Outcome.Kind.DEADLINE)),
        row("OobPending, the next wait ends at the deadline", 200, summary(true, "OobPending"), 9_000,
            new LoopStep.Wait(1_000)),
        row("a verdict after the deadline is still a verdict", 200, summary(true, "LoginSuccess"), 60_000,
            end(Outcome.Kind.PASSED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void answerGivesItsStep(String name, int status, String body, long elapsedMs, LoopStep expected) {
    CyberArkAnswer answer = CyberArkAnswer.of(Exchange.received(
        URI.create("http://127.0.0.1/CDirectoryService/SendIdentityVerification"), status, Map.of(), body));

    LoopStep step = RULE.next(answer, 3, elapsedMs);

    if (expected instanceof LoopStep.End end) {
      assertThat(step).isInstanceOfSatisfying(LoopStep.End.class, actual -> assertThat(actual.kind())
          .as("%s ends as", name).isEqualTo(end.kind()));
    } else {
      assertThat(step).isEqualTo(expected);
    }
  }

  private static String summary(boolean success, String summary) {
    return "{\"success\":" + success + ",\"Result\":{\"Summary\":\"" + summary + "\"},\"Message\":null}";
  }

  private static Arguments row(String name, int status, String body, long elapsedMs, LoopStep expected) {
    return Arguments.of(name, status, body, elapsedMs, expected);
  }

  private static LoopStep end(Outcome.Kind kind) {
    return new LoopStep.End(kind, null);
  }
}
