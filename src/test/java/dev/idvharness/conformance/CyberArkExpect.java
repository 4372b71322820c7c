package dev.idvharness.conformance;

import static dev.idvharness.conformance.Contract.broken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkChallengeWalk;
import dev.idvharness.client.LoopStep;
import dev.idvharness.client.Outcome;
import java.util.List;
import java.util.Locale;

/** The checks of the CyberArk Then steps, one assertion each; the broken-vendor tests call the same ones. */
public final class CyberArkExpect {

  private CyberArkExpect() {}

  /** Contract 1.1: HTTP 200, JSON, and the envelope schema (null error fields on success, Message on failure). */
  public static void envelope(String rule, CyberArkAnswer answer) {
    assertThat(answer.exchange().status())
        .as(broken(rule, "every CyberArk answer is HTTP 200 with the JSON envelope (contract 1.1)", answer.exchange()))
        .isEqualTo(200);
    Contract.matchesSchema(rule, "cyberark_envelope", answer.exchange());
  }

  /** Contract 1.1 and 1.4 as the page has them: HTTP 200, a JSON object, success a boolean; errors name themselves. */
  public static void envelopeAsDocumented(String rule, CyberArkAnswer answer) {
    assertThat(answer.exchange().status())
        .as(broken(rule, "every CyberArk answer is HTTP 200 with the JSON envelope (contract 1.1)", answer.exchange()))
        .isEqualTo(200);
    Contract.matchesSchema(rule, "doc/cyberark_envelope", answer.exchange());
  }

  /** Contract 1.4 [doc]: an error object carries a Message and an ErrorID. */
  public static void errorObject(String rule, CyberArkAnswer answer) {
    assertThat(answer.message())
        .as(broken(rule, "an error object carries a Message (contract 1.4)", answer.exchange()))
        .isNotBlank();
    assertThat(answer.errorId())
        .as(broken(rule, "an error object carries an ErrorID (contract 1.4)", answer.exchange()))
        .isNotBlank();
  }

  public static void success(String rule, CyberArkAnswer answer, boolean expected) {
    assertThat(answer.success())
        .as(broken(rule, "success must be " + expected, answer.exchange()))
        .contains(expected);
  }

  /** Contract 1.4 [doc]: a wrong request is refused; {@code request} names what was wrong with it. */
  public static void refused(String rule, CyberArkAnswer answer, String request) {
    String answered = answer.success().map(success -> success ? "success" : "a refusal").orElse("no boolean success");
    assertThat(answer.success())
        .as(broken(rule, request + " must be refused, the vendor answered " + answered, answer.exchange()))
        .contains(false);
  }

  /**
   * Contract 1.3: the right answer passes its challenge. The walk goes on (StartNextChallenge, or a NewPackage with new
   * challenges) or the login ends in LoginSuccess; {@code ended} is where the answer took the walk (null: on).
   */
  public static void passed(String rule, LoopStep.End ended, CyberArkAnswer answer) {
    assertThat(ended == null || ended.kind() == Outcome.Kind.PASSED)
        .as(broken(rule, "the right password must pass its challenge (StartNextChallenge, NewPackage or "
            + "LoginSuccess), the walk ended " + (ended == null ? "" : ended.kind().label() + ": " + ended.detail()),
            answer.exchange()))
        .isTrue();
  }

  public static void summary(String rule, CyberArkAnswer answer, String expected) {
    assertThat(answer.summary())
        .as(broken(rule, "Result.Summary must be " + expected, answer.exchange()))
        .isEqualTo(expected);
  }

  public static void summaryOneOf(String rule, CyberArkAnswer answer, List<String> expected) {
    assertThat(answer.summary())
        .as(broken(rule, "Result.Summary must be one of " + expected, answer.exchange()))
        .isIn(expected);
  }

  public static void resultHasASummary(String rule, CyberArkAnswer answer) {
    assertThat(answer.isJsonObject() && answer.body().path("Result").path("Summary").isTextual())
        .as(broken(rule, "Result must be an object with a Summary (clients read Result.Summary)", answer.exchange()))
        .isTrue();
  }

  public static void noResult(String rule, CyberArkAnswer answer) {
    assertThat(answer.isJsonObject() && !answer.body().has("Result"))
        .as(broken(rule, "a failed StartAuthentication carries no Result key", answer.exchange()))
        .isTrue();
  }

  public static void messageMentions(String rule, CyberArkAnswer answer, String words) {
    assertThat(answer.message() == null ? null : answer.message().toLowerCase(Locale.ROOT))
        .as(broken(rule, "Message must mention \"" + words + "\"", answer.exchange()))
        .contains(words.toLowerCase(Locale.ROOT));
  }

  public static void errorIdLooksLikeGuidHex(String rule, CyberArkAnswer answer) {
    assertThat(answer.errorId())
        .as(broken(rule, "ErrorID must look like <guid>:<hex> (contract 1.4)", answer.exchange()))
        .matches("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}:[0-9A-Fa-f]+");
  }

  public static void sessionUnder(String rule, CyberArkAnswer answer, String shape) {
    assertThat(answer.sessionShape())
        .as(broken(rule, "the session (SessionId, Challenges) must be under " + shape, answer.exchange()))
        .isEqualTo(shape);
  }

  public static void pollOutcome(String rule, Outcome outcome, String expected) {
    assertThat(outcome.name())
        .as(broken(rule, "the poll loop must end as " + expected + ", it ended " + outcome, outcome.last()))
        .isEqualTo(expected);
  }

  public static void pollCalls(String rule, Outcome outcome, int expected) {
    assertThat(outcome.calls())
        .as(broken(rule, "the poll loop must take " + expected + " Polls, it ended " + outcome, outcome.last()))
        .isEqualTo(expected);
  }

  /** The client talks to the pod now, and the repeated StartAuthentication opened the session there. */
  public static void onPod(String rule, String baseUrl, String podHost, CyberArkAnswer started) {
    assertThat(java.net.URI.create(baseUrl).getHost())
        .as(broken(rule, "the client must repeat StartAuthentication on the PodFqdn", started.exchange()))
        .isEqualToIgnoringCase(podHost);
    assertThat(started.exchange().uri().getHost())
        .as(broken(rule, "the session must be opened on the pod", started.exchange()))
        .isEqualToIgnoringCase(podHost);
    assertThat(started.sessionId()).as(broken(rule, "the pod must open the session", started.exchange())).isNotNull();
  }

  public static void walk(String rule, CyberArkChallengeWalk walk, int challenge, int packages,
      CyberArkAnswer answer) {
    assertThat(List.of(walk.index() + 1, walk.packages()))
        .as(broken(rule, "the client must stand at challenge " + challenge + " of package " + packages,
            answer.exchange()))
        .containsExactly(challenge, packages);
  }

  public static void resultCarries(String rule, CyberArkAnswer answer, List<String> fields) {
    assertThat(fieldNames(answer.result()))
        .as(broken(rule, "Result must carry " + fields, answer.exchange()))
        .containsAll(fields);
  }

  /** The fields of the first mechanism called {@code name}, in any challenge, under either session shape. */
  public static void mechanismCarries(String rule, CyberArkAnswer answer, String name, List<String> fields) {
    JsonNode mechanism = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    for (JsonNode challenge : answer.challengesJson()) {
      for (JsonNode offered : challenge.path("Mechanisms")) {
        if (mechanism.isMissingNode() && name.equals(offered.path("Name").asText())) {
          mechanism = offered;
        }
      }
    }
    assertThat(fieldNames(mechanism))
        .as(broken(rule, "mechanism " + name + " must carry " + fields, answer.exchange()))
        .containsAll(fields);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
