package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.IronVestValidateRule.State;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The IronVest loop rule, one row per answer of contract 2.2 and rule of section 3. */
class IronVestValidateRuleTest {

  /** defaultWait 200, backoff cap 5,000, retryAfterMS clamped to [10, 5,000], 3 retries of 503, deadline 30 s. */
  private static final ValidateSettings SETTINGS = new ValidateSettings(200, 5_000, 10, 5_000, 3, 30_000);
  private static final IronVestValidateRule RULE = new IronVestValidateRule(SETTINGS);
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final String PROCESSING = "{\"errorMessage\":\"processing\"}";

  /** Always draws the top of the full-jitter range, so a row can name the ceiling. */
  private static final RandomGenerator TOP = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  static Stream<Arguments> answers() {
    return Stream.of(
        // verdicts
        row("decision, verified", 200, null, "{\"success\":true,\"verifiedAction\":true,\"ivScore\":2000}",
            State.START, 0, end(Outcome.Kind.VERIFIED)),
        row("decision, not verified (a verdict, not a failure)", 200, null,
            "{\"success\":true,\"verifiedAction\":false}", State.START, 0, end(Outcome.Kind.NOT_VERIFIED)),
        row("decision with unknown fields", 200, null,
            "{\"success\":true,\"verifiedAction\":true,\"newField\":{\"x\":1}}", State.START, 0,
            end(Outcome.Kind.VERIFIED)),
        // named failures, never retried
        row("decision without verifiedAction", 200, null, "{\"success\":true}", State.START, 0,
            end(Outcome.Kind.PROTOCOL)),
        row("application error", 200, null, "{\"errorMessage\":\"session not found\"}", State.START, 0,
            end(Outcome.Kind.APPLICATION_ERROR)),
        row("403", 403, null, "", State.START, 0, end(Outcome.Kind.REJECTED)),
        row("403 after processing", 403, null, "", new State(3, 2, 0), 900, end(Outcome.Kind.REJECTED)),
        row("422 with a body", 422, null, "{\"success\":false}", State.START, 0, end(Outcome.Kind.REJECTED)),
        row("500", 500, null, "{}", State.START, 0, end(Outcome.Kind.PROTOCOL)),
        row("200 with an HTML page", 200, null, "<html>oops</html>", State.START, 0, end(Outcome.Kind.PROTOCOL)),
        row("200 with success:false and no errorMessage", 200, null, "{\"success\":false}", State.START, 0,
            end(Outcome.Kind.PROTOCOL)),
        // processing with retryAfterMS: clamped to [min, max]
        row("processing, retryAfterMS 250", 200, null, "{\"errorMessage\":\"processing\",\"retryAfterMS\":250}",
            State.START, 0, waitMs(250)),
        row("processing, retryAfterMS 0 (raised to min)", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":0}", State.START, 0, waitMs(10)),
        row("processing, retryAfterMS an hour (cut to max)", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":3600000}", State.START, 0, waitMs(5_000)),
        row("processing, retryAfterMS a string", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":\"250\"}", State.START, 0, end(Outcome.Kind.PROTOCOL)),
        row("processing, retryAfterMS a fraction", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":2.5}", State.START, 0, end(Outcome.Kind.PROTOCOL)),
        row("processing, retryAfterMS negative (no wait is)", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":-50}", State.START, 0, end(Outcome.Kind.PROTOCOL)),
        // processing without retryAfterMS: exponential backoff, full jitter, capped
        row("processing, no hint, first backoff", 200, null, PROCESSING, State.START, 0, waitMs(200)),
        row("processing, no hint, fourth backoff", 200, null, PROCESSING, new State(4, 3, 0), 0, waitMs(1_600)),
        row("processing, no hint, 40th backoff (cap)", 200, null, PROCESSING, new State(41, 40, 0), 0,
            waitMs(5_000)),
        // 503: Retry-After in seconds or as an HTTP date, else the backoff; at most 3 retries
        row("503, Retry-After 2", 503, "2", "{\"success\":false,\"error\":\"Service Unavailable\"}", State.START,
            0, waitMs(2_000)),
        row("503, Retry-After an HTTP date 3 s ahead", 503,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3)), "", State.START, 0, waitMs(3_000)),
        row("503, Retry-After an HTTP date in the past", 503,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(3)), "", State.START, 0, waitMs(0)),
        row("503, Retry-After unreadable (backoff)", 503, "soon", "", new State(2, 0, 2), 0, waitMs(800)),
        row("503, no Retry-After, third retry (backoff)", 503, null, "", new State(2, 0, 2), 0, waitMs(800)),
        row("503, after 3 retries", 503, "1", "", new State(3, 0, 3), 0, end(Outcome.Kind.UNAVAILABLE)),
        row("503, Retry-After beyond the deadline", 503, "120", "", State.START, 0, end(Outcome.Kind.DEADLINE)),
        // the deadline, reached mid-wait
        row("processing, the wait would pass the deadline", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":250}", new State(9, 0, 0), 29_900,
            end(Outcome.Kind.DEADLINE)),
        row("processing, the wait ends exactly at the deadline", 200, null,
            "{\"errorMessage\":\"processing\",\"retryAfterMS\":250}", new State(9, 0, 0), 29_750, waitMs(250)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void answerGivesItsStep(String name, int status, String retryAfter, String body, State state, long elapsedMs,
      LoopStep expected) {
    LoopStep step = RULE.next(answer(status, retryAfter, body), state, elapsedMs, NOW, TOP).step();

    if (expected instanceof LoopStep.End end) {
      assertThat(step).isInstanceOfSatisfying(LoopStep.End.class, actual -> assertThat(actual.kind())
          .as("%s ends as", name).isEqualTo(end.kind()));
    } else {
      assertThat(step).isEqualTo(expected);
    }
  }

  @Test
  void stateCountsCallsBackoffsAndRetried503s() {
    State afterBackoff = RULE.next(answer(200, null, PROCESSING), State.START, 0, NOW, TOP).state();
    State afterHint = RULE.next(answer(200, null, "{\"errorMessage\":\"processing\",\"retryAfterMS\":5}"),
        afterBackoff, 0, NOW, TOP).state();
    State after503 = RULE.next(answer(503, "1", ""), afterHint, 0, NOW, TOP).state();

    assertThat(List.of(afterBackoff, afterHint, after503))
        .containsExactly(new State(1, 1, 0), new State(2, 1, 0), new State(3, 1, 1));
  }

  @Test
  void fullJitterStaysWithinZeroAndTheCeilingAndUsesTheWholeRange() {
    IronVestValidateRule rule = new IronVestValidateRule(new ValidateSettings(100, 1_000, 10, 5_000, 3, 30_000));
    SplittableRandom random = new SplittableRandom(7);

    LongSummaryStatistics waits = IntStream.range(0, 2_000)
        .mapToLong(i -> rule.fullJitterMs(3, random)).summaryStatistics();

    assertThat(waits.getMin()).isBetween(0L, 100L);
    assertThat(waits.getMax()).isBetween(700L, 800L);
  }

  @Test
  void ceilingDoublesUpToTheCapAndNeverOverflows() {
    IronVestValidateRule rule = new IronVestValidateRule(new ValidateSettings(100, 1_000, 10, 5_000, 3, 30_000));

    assertThat(IntStream.of(0, 1, 2, 3, 4, 5, 61, 200).mapToLong(rule::ceilingMs).toArray())
        .containsExactly(100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000);
  }

  @Test
  void retryAfterHeaderIgnoresWhatItCannotRead() {
    assertThat(IronVestValidateRule.retryAfterHeaderMs(null, NOW)).isEmpty();
    assertThat(IronVestValidateRule.retryAfterHeaderMs("-1", NOW)).isEmpty();
    assertThat(IronVestValidateRule.retryAfterHeaderMs("99999999999999999999", NOW)).isEmpty();
  }

  private static IronVestAnswer answer(int status, String retryAfter, String body) {
    return IronVestAnswer.of(Exchange.received(URI.create("http://127.0.0.1/v1/validate"), status,
        retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), body));
  }

  private static Arguments row(String name, int status, String retryAfter, String body, State state,
      long elapsedMs, LoopStep expected) {
    return Arguments.of(name, status, retryAfter, body, state, elapsedMs, expected);
  }

  private static LoopStep end(Outcome.Kind kind) {
    return new LoopStep.End(kind, null);
  }

  private static LoopStep waitMs(long ms) {
    return new LoopStep.Wait(ms);
  }
}
