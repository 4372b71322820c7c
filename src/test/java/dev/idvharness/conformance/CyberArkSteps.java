package dev.idvharness.conformance;

import dev.idvharness.conformance.Contract.Source;
import dev.idvharness.client.CyberArkAnswer;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;

/** CyberArk steps: each delegates to {@link CyberArkWorld} (requests) or {@link CyberArkExpect} (one check). */
public class CyberArkSteps {

  private Scenario scenario;
  private CyberArkWorld flow;

  @Before(order = 10)
  public void keep(Scenario current) {
    scenario = current;
  }

  private CyberArkWorld flow() {
    if (flow == null) {
      flow = new CyberArkWorld(SuiteTarget.current(), this::attach);
    }
    return flow;
  }

  /** The rule a check belongs to: the scenario title, which starts with its contract case id. */
  private String rule() {
    return scenario.getName();
  }

  private CyberArkAnswer last() {
    return flow().last();
  }

  private void attach(CyberArkAnswer answer) {
    scenario.attach(answer.exchange().describe(), "text/plain",
        answer.exchange().uri().getPath() + " HTTP " + answer.exchange().status());
  }

  @Given("the configured user has started authentication")
  @When("the configured user starts authentication")
  public void configuredUserStarts() {
    flow().startConfiguredUser();
  }

  @Given("the stub user {string} has started authentication")
  @When("the stub user {string} starts authentication")
  public void stubUserStarts(String login) {
    flow().startStubUser(login);
  }

  @When("an unknown user starts authentication")
  public void unknownUserStarts() {
    flow().startUnknownUser();
  }

  @When("authentication is started without User or UUID")
  public void startWithoutUser() {
    flow().startWithoutUser();
  }

  @Given("the configured user has passed the password challenge")
  public void configuredUserPassesPassword() {
    flow().startConfiguredUser();
    passPassword();
  }

  @Given("the stub user {string} has passed the password challenge")
  public void stubUserPassesPassword(String login) {
    flow().startStubUser(login);
    passPassword();
  }

  /** Through the one challenge walk: whatever the contract lets a passed challenge answer. */
  private void passPassword() {
    flow().answerPassword();
    CyberArkExpect.passed(rule(), flow().ended(), last());
  }

  @Given("the user has answered the password")
  @When("the user answers the password")
  public void answerPassword() {
    flow().answerPassword();
  }

  @Given("the user has answered the password wrongly {int} times")
  public void answerWronglyTimes(int times) {
    for (int i = 0; i < times; i++) {
      flow().answerWrongly("UP");
    }
  }

  @When("the user answers {string} with a wrong value")
  public void answerWronglyWith(String mechanism) {
    flow().answerWrongly(mechanism);
  }

  @When("the user answers the password wrongly")
  public void answerWrongly() {
    flow().answerWrongly("UP");
  }

  @When("the user answers {string} with the OATH code")
  public void answerOath(String mechanism) {
    flow().answerOathCode(mechanism);
  }

  @Given("the user has started {string} out of band")
  @When("the user starts {string} out of band")
  public void startOob(String mechanism) {
    flow().startOob(mechanism);
  }

  /** A vendor's test account may lack the mechanism: the scenario is then skipped, saying which one. */
  @When("the user starts the configured out-of-band mechanism")
  public void startConfiguredOob() {
    flow().configuredOobMissing().ifPresent(reason -> Hooks.skip(scenario, reason));
    flow().startOob(SuiteTarget.current().cyberArkOobMechanism());
  }

  @When("the user answers {string} with the code sent out of band")
  public void answerOobCode(String mechanism) {
    flow().answerOobCode(mechanism);
  }

  @When("the user polls {string} once")
  public void pollOnce(String mechanism) {
    flow().pollOnce(mechanism);
  }

  @When("the user polls the configured out-of-band mechanism once")
  public void pollConfiguredOnce() {
    flow().pollOnce(SuiteTarget.current().cyberArkOobMechanism());
  }

  @Given("the poll deadline is {int} ms")
  public void pollDeadline(int deadlineMs) {
    flow().pollDeadline(deadlineMs);
  }

  @When("the client polls {string} until the user acts")
  public void pollUntilDecided(String mechanism) {
    flow().pollUntilDecided(mechanism);
  }

  @When("the client sends {}")
  public void sendBroken(String request) {
    flow().sendBroken(request);
  }

  @Then("the answer is the CyberArk envelope")
  public void envelope() {
    Contract.check(Source.DOC, scenario, () -> CyberArkExpect.envelopeAsDocumented(rule(), last()));
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.envelope(rule(), last()));
  }

  @Then("the answer is an error object with a Message and an ErrorID")
  public void errorObject() {
    Contract.check(Source.DOC, scenario, () -> CyberArkExpect.errorObject(rule(), last()));
  }

  @Then("success is true")
  public void successTrue() {
    Contract.check(Source.DOC, scenario, () -> CyberArkExpect.success(rule(), last(), true));
  }

  /** After a request of the error catalogue, the check names what was wrong with it. */
  @Then("success is false")
  public void successFalse() {
    Contract.check(Source.DOC, scenario, () -> flow().brokenRequest().ifPresentOrElse(
        request -> CyberArkExpect.refused(rule(), last(), request),
        () -> CyberArkExpect.success(rule(), last(), false)));
  }

  @Then("the Summary is {string}")
  public void summary(String expected) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Summary is one of {string}")
  public void summaryOneOf(String expected) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.summaryOneOf(rule(), last(), fields(expected)));
  }

  @Then("the Result carries a Summary as public clients read it")
  public void resultCarriesASummary() {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.resultHasASummary(rule(), last()));
  }

  @Then("the answer carries no Result, as the vendor's start failure fixture")
  public void noResult() {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.noResult(rule(), last()));
  }

  @Then("the Result is Summary {string}")
  public void resultIsSummary(String expected) {
    Contract.check(Source.OURS, scenario, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Result is Summary {string} as public clients show")
  public void resultIsSummaryOfPublicClients(String expected) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Message mentions {string}")
  public void messageMentions(String words) {
    Contract.check(Source.OURS, scenario, () -> CyberArkExpect.messageMentions(rule(), last(), words));
  }

  @Then("the ErrorID looks like a GUID and a hex number")
  public void errorId() {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.errorIdLooksLikeGuidHex(rule(), last()));
  }

  @Then("the answer matches the schema {string}")
  public void schema(String schema) {
    Contract.checkSchema(rule(), schema, last().exchange(), scenario);
  }

  @Then("the session is under {string}")
  public void sessionUnder(String shape) {
    Contract.check(Source.OURS, scenario, () -> CyberArkExpect.sessionUnder(rule(), flow().started(), shape));
  }

  @Then("the poll loop ends as {string}")
  public void pollOutcome(String expected) {
    Contract.check(Source.OURS, scenario, () -> CyberArkExpect.pollOutcome(rule(), flow().pollOutcome(), expected));
  }

  @Then("the poll loop took {int} Polls")
  public void pollCalls(int expected) {
    Contract.check(Source.OURS, scenario, () -> CyberArkExpect.pollCalls(rule(), flow().pollOutcome(), expected));
  }

  @Given("the client calls the paths of the vendor's SDKs")
  public void sdkPaths() {
    flow().useSdkPaths();
  }

  @When("the stub user {string} starts authentication without the X-IDAP-NATIVE-CLIENT header")
  public void startWithoutNativeClientHeader(String login) {
    flow().startStubUserWithoutNativeClientHeader(login);
  }

  @Then("the client was sent to the pod {string}")
  public void sentToPod(String podHost) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.onPod(rule(), flow().baseUrl(), podHost,
        flow().started()));
  }

  @Then("the session stands at challenge {int} of package {int}")
  public void standsAt(int challenge, int packages) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.walk(rule(), flow().walk(), challenge, packages,
        last()));
  }

  @Then("the Result carries {string}")
  public void resultCarries(String fields) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.resultCarries(rule(), last(), fields(fields)));
  }

  @Then("the mechanism {string} carries {string}")
  public void mechanismCarries(String name, String fields) {
    Contract.check(Source.CLIENT, scenario, () -> CyberArkExpect.mechanismCarries(rule(), last(), name,
        fields(fields)));
  }

  private static List<String> fields(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
  }
}
