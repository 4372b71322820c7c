package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The walk through a package's challenges: one row per answer a challenge can end with. */
class CyberArkChallengeWalkTest {

  private static final String TWO_CHALLENGES = """
      {"success":true,"Result":{"Summary":"NewPackage","ReturnData":{"SessionId":"s","Challenges":[
        {"Mechanisms":[{"MechanismId":"m-up","Name":"UP","AnswerType":"Text"}]},
        {"Mechanisms":[{"MechanismId":"m-otp","Name":"OTP","AnswerType":"StartTextOob"},
                       {"MechanismId":"m-email","Name":"EMAIL","AnswerType":"StartTextOob"}]}]}}}""";

  private static CyberArkAnswer answer(int status, String body) {
    return CyberArkAnswer.of(Exchange.received(URI.create("http://127.0.0.1/x"), status, Map.of(), body));
  }

  private static CyberArkChallengeWalk walk(int index, int packages) {
    CyberArkChallengeWalk start = CyberArkChallengeWalk.start(answer(200, TWO_CHALLENGES));
    return new CyberArkChallengeWalk(start.challenges(), index, packages);
  }

  @ParameterizedTest(name = "at challenge {0} of package {1}, {2} {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      0 | 1 | 200 | {"success":true,"Result":{"Summary":"StartNextChallenge"}}            | next 1 1
      1 | 1 | 200 | {"success":true,"Result":{"Summary":"StartNextChallenge"}}            | protocol
      1 | 1 | 200 | {"success":true,"Result":{"Summary":"LoginSuccess"}}                  | passed
      0 | 1 | 200 | {"success":true,"Result":{"Summary":"NewPackage","Challenges":[{"Mechanisms":[{"MechanismId":"n","Name":"OTP"}]}]}} | next 0 2
      0 | 3 | 200 | {"success":true,"Result":{"Summary":"NewPackage","Challenges":[{"Mechanisms":[{"MechanismId":"n","Name":"OTP"}]}]}} | protocol
      0 | 1 | 200 | {"success":true,"Result":{"Summary":"NewPackage"}}                    | protocol
      0 | 1 | 200 | {"success":false,"Result":{"Summary":"Failure"}}                      | denied
      0 | 1 | 200 | {"success":true,"Result":{"Summary":"OobPending"}}                    | protocol
      0 | 1 | 503 | <html></html>                                                        | protocol
      0 | 1 | 200 | {"Result":{"Summary":"LoginSuccess"}}                                 | protocol
      """)
  void aChallengesDecidingAnswerMovesTheWalkOrEndsIt(int index, int packages, int status, String body,
      String expected) {
    CyberArkChallengeWalk.Step step = walk(index, packages).after(answer(status, body));

    String actual = step.isOver() ? step.end().kind().label()
        : "next " + step.next().index() + " " + step.next().packages();
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aNewPackageReplacesTheChallenges() {
    CyberArkChallengeWalk next = walk(0, 1).after(answer(200, """
        {"success":true,"Result":{"Summary":"NewPackage","ReturnData":{"SessionId":"s","Challenges":[
          {"Mechanisms":[{"MechanismId":"new-otp","Name":"OTP"}]}]}}}""")).next();

    assertThat(next.challenges()).hasSize(1);
    assertThat(next.offered("OTP").orElseThrow().id()).isEqualTo("new-otp");
    assertThat(next.offered("UP")).isEmpty();
  }

  @ParameterizedTest(name = "challenge {0}, OOB {1} -> {2}")
  @CsvSource({"0, OTP, m-up", "1, OTP, m-otp", "1, EMAIL, m-email", "1, SMS, none", "2, OTP, none"})
  void theWalkChoosesThePasswordElseTheConfiguredOobMechanism(int index, String oob, String expected) {
    assertThat(walk(index, 1).choose(oob).map(CyberArkAnswer.Mechanism::id).orElse("none")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"success":true,"Result":{"PodFqdn":"abc1234.id.cyberark.cloud"}}                         | abc1234.id.cyberark.cloud
      {"success":true,"Result":{"PodFqdn":"abc.cloud","Summary":"LoginSuccess","SessionId":"s"}} | none
      {"success":false,"Result":{"PodFqdn":"abc.cloud"}}                                        | none
      {"success":true,"Result":{"PodFqdn":" "}}                                                 | none
      """)
  void onlyAnAnswerThatOpensNoSessionSendsTheClientToAPod(String body, String expected) {
    assertThat(answer(200, body).podFqdn().orElse("none")).isEqualTo(expected);
  }

  @Test
  void thePodKeepsTheSchemeOfTheConfiguredUrl() {
    assertThat(List.of(CyberArkAnswer.podBaseUrl("https://tenant.example/", "abc.cloud"),
        CyberArkAnswer.podBaseUrl("http://127.0.0.1:8080", "localhost:8080")))
        .containsExactly("https://abc.cloud", "http://localhost:8080");
  }
}
