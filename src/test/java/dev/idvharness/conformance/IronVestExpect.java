package dev.idvharness.conformance;

import static dev.idvharness.conformance.Contract.broken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.Outcome;
import java.util.Locale;

/** The checks of the IronVest Then steps, one assertion each; the broken-vendor tests call the same ones. */
public final class IronVestExpect {

  private IronVestExpect() {}

  public static void status(String rule, IronVestAnswer answer, int expected) {
    assertThat(answer.status())
        .as(broken(rule, "the answer must be HTTP " + expected + " (contract 2.2)", answer.exchange()))
        .isEqualTo(expected);
  }

  public static void statusOneOf(String rule, IronVestAnswer answer, java.util.List<Integer> expected) {
    assertThat(answer.status())
        .as(broken(rule, "the answer must be HTTP " + expected.stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(" or ")) + " (contract 2.2)", answer.exchange()))
        .isIn(expected);
  }

  public static void schema(String rule, IronVestAnswer answer, String schema) {
    Contract.matchesSchema(rule, schema, answer.exchange());
  }

  public static void errorNames(String rule, IronVestAnswer answer, String problem) {
    assertThat(answer.exchange().responseBody().toLowerCase(Locale.ROOT))
        .as(broken(rule, "the error body must name the problem (\"" + problem + "\")", answer.exchange()))
        .contains(problem.toLowerCase(Locale.ROOT));
  }

  /** The loop ended with a decision, whichever way it went. */
  public static void verdict(String rule, Outcome outcome) {
    assertThat(outcome.kind().isVerdict())
        .as(broken(rule, "validate must end in a decision within validate.deadlineMs, it ended " + outcome,
            outcome.last()))
        .isTrue();
  }

  public static void outcome(String rule, Outcome outcome, String expected) {
    assertThat(outcome.name())
        .as(broken(rule, "the validate loop must end as " + expected + ", it ended " + outcome, outcome.last()))
        .isEqualTo(expected);
  }

  public static void calls(String rule, Outcome outcome, int expected) {
    assertThat(outcome.calls())
        .as(broken(rule, "the validate loop must take " + expected + " calls, it ended " + outcome, outcome.last()))
        .isEqualTo(expected);
  }

  public static void indicator(String rule, IronVestAnswer answer, String name, boolean expected) {
    JsonNode value = answer.indicator(name);
    assertThat(value.isBoolean() ? value.booleanValue() : null)
        .as(broken(rule, "indicators." + name + " must be " + expected, answer.exchange()))
        .isEqualTo(expected);
  }

  public static void sameDecision(String rule, IronVestAnswer before, IronVestAnswer now) {
    assertThat(now.body())
        .as(broken(rule, "a decided csid answers the same decision again (contract 2.2)", now.exchange()))
        .isEqualTo(before.body());
  }

  public static void retryAfterHeader(String rule, IronVestAnswer answer) {
    assertThat(answer.retryAfterHeaderMs())
        .as(broken(rule, "the 503 should carry a readable Retry-After header", answer.exchange()))
        .isPresent();
  }
}
