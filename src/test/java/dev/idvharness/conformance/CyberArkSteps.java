package dev.idvharness.conformance;

import dev.idvharness.conformance.Contract.Source;
import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.run.Target;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/**
 * CyberArk steps: each delegates to {@link CyberArkWorld} (requests) or {@link CyberArkExpect} (one check). The world,
 * the scenario and the target come by constructor (Cucumber's PicoContainer, new for every scenario).
 */
public class CyberArkSteps {

  private final CyberArkWorld flow;
  private final CurrentScenario scenario;
  private final Target target;

  public CyberArkSteps(CyberArkWorld flow, CurrentScenario scenario, Target target) {
    this.flow = flow;
    this.scenario = scenario;
    this.target = target;
  }

  private String rule() {
    return scenario.rule();
  }

  private CyberArkAnswer last() {
    return flow.last();
  }

  @Given("the configured user has started authentication")
  @When("the configured user starts authentication")
  public void configuredUserStarts() {
    flow.startConfiguredUser();
  }

  @Given("the stub user {string} has started authentication")
  @When("the stub user {string} starts authentication")
  public void stubUserStarts(String login) {
    flow.startStubUser(login);
  }

  @When("an unknown user starts authentication")
  public void unknownUserStarts() {
    flow.startUnknownUser();
  }

  @When("authentication is started without User or UUID")
  public void startWithoutUser() {
    flow.startWithoutUser();
  }

  @Given("the configured user has passed the password challenge")
  public void configuredUserPassesPassword() {
    flow.startConfiguredUser();
    passPassword();
  }

  @Given("the stub user {string} has passed the password challenge")
  public void stubUserPassesPassword(String login) {
    flow.startStubUser(login);
    passPassword();
  }

  /** Through the one challenge walk: whatever the contract lets a passed challenge answer. */
  private void passPassword() {
    flow.answerPassword();
    CyberArkExpect.passed(rule(), flow.ended(), last());
  }

  @Given("the user has answered the password")
  @When("the user answers the password")
  public void answerPassword() {
    flow.answerPassword();
  }

  @Given("the user has answered the password wrongly {int} times")
  public void answerWronglyTimes(int times) {
    for (int i = 0; i < times; i++) {
      flow.answerWrongly("UP");
    }
  }

  @When("the user answers {string} with a wrong value")
  public void answerWronglyWith(String mechanism) {
    flow.answerWrongly(mechanism);
  }

  @When("the user answers the password wrongly")
  public void answerWrongly() {
    flow.answerWrongly("UP");
  }

  @When("the user answers {string} with the OATH code")
  public void answerOath(String mechanism) {
    flow.answerOathCode(mechanism);
  }

  @Given("the user has started {string} out of band")
  @When("the user starts {string} out of band")
  public void startOob(String mechanism) {
    flow.startOob(mechanism);
  }

  /** A vendor's test account may lack the mechanism: the scenario is then skipped, saying which one. */
  @When("the user starts the configured out-of-band mechanism")
  public void startConfiguredOob() {
    flow.configuredOobMissing().ifPresent(scenario::skip);
    flow.startOob(target.cyberArkOobMechanism());
  }

  @When("the user answers {string} with the code sent out of band")
  public void answerOobCode(String mechanism) {
    flow.answerOobCode(mechanism);
  }

  @When("the user polls {string} once")
  public void pollOnce(String mechanism) {
    flow.pollOnce(mechanism);
  }

  @When("the user polls the configured out-of-band mechanism once")
  public void pollConfiguredOnce() {
    flow.pollOnce(target.cyberArkOobMechanism());
  }

  @Given("the poll deadline is {int} ms")
  public void pollDeadline(int deadlineMs) {
    flow.pollDeadline(deadlineMs);
  }

  @When("the client polls {string} until the user acts")
  public void pollUntilDecided(String mechanism) {
    flow.pollUntilDecided(mechanism);
  }

  @When("the client sends {cyberArkRequest}")
  public void sendBroken(CyberArkBrokenRequest request) {
    flow.sendBroken(request);
  }

  @Then("the answer is the CyberArk envelope")
  public void envelope() {
    scenario.check(Source.DOC, () -> CyberArkExpect.envelopeAsDocumented(rule(), last()));
    scenario.check(Source.CLIENT, () -> CyberArkExpect.envelope(rule(), last()));
  }

  @Then("the answer is an error object with a Message and an ErrorID")
  public void errorObject() {
    scenario.check(Source.DOC, () -> CyberArkExpect.errorObject(rule(), last()));
  }

  @Then("success is true")
  public void successTrue() {
    scenario.check(Source.DOC, () -> CyberArkExpect.success(rule(), last(), true));
  }

  /** After a request of the error catalogue, the check names what was wrong with it. */
  @Then("success is false")
  public void successFalse() {
    scenario.check(Source.DOC, () -> flow.brokenRequest().ifPresentOrElse(
        request -> CyberArkExpect.refused(rule(), last(), request),
        () -> CyberArkExpect.success(rule(), last(), false)));
  }

  @Then("the Summary is {string}")
  public void summary(String expected) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Summary is one of {names}")
  public void summaryOneOf(List<String> expected) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.summaryOneOf(rule(), last(), expected));
  }

  @Then("the Result carries a Summary as public clients read it")
  public void resultCarriesASummary() {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.resultHasASummary(rule(), last()));
  }

  @Then("the answer carries no Result, as the vendor's start failure fixture")
  public void noResult() {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.noResult(rule(), last()));
  }

  @Then("the Result is Summary {string}")
  public void resultIsSummary(String expected) {
    scenario.check(Source.OURS, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Result is Summary {string} as public clients show")
  public void resultIsSummaryOfPublicClients(String expected) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.summary(rule(), last(), expected));
  }

  @Then("the Message mentions {string}")
  public void messageMentions(String words) {
    scenario.check(Source.OURS, () -> CyberArkExpect.messageMentions(rule(), last(), words));
  }

  @Then("the ErrorID looks like a GUID and a hex number")
  public void errorId() {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.errorIdLooksLikeGuidHex(rule(), last()));
  }

  @Then("the answer matches the schema {string}")
  public void schema(String schema) {
    scenario.checkSchema(schema, last().exchange());
  }

  @Then("the session is under {string}")
  public void sessionUnder(String shape) {
    scenario.check(Source.OURS, () -> CyberArkExpect.sessionUnder(rule(), flow.started(), shape));
  }

  @Then("the poll loop ends as {string}")
  public void pollOutcome(String expected) {
    scenario.check(Source.OURS, () -> CyberArkExpect.pollOutcome(rule(), flow.pollOutcome(), expected));
  }

  @Then("the poll loop took {int} Polls")
  public void pollCalls(int expected) {
    scenario.check(Source.OURS, () -> CyberArkExpect.pollCalls(rule(), flow.pollOutcome(), expected));
  }

  @Given("the client calls the paths of the vendor's SDKs")
  public void sdkPaths() {
    flow.useSdkPaths();
  }

  @When("the stub user {string} starts authentication without the X-IDAP-NATIVE-CLIENT header")
  public void startWithoutNativeClientHeader(String login) {
    flow.startStubUserWithoutNativeClientHeader(login);
  }

  @Then("the client was sent to the pod {string}")
  public void sentToPod(String podHost) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.onPod(rule(), flow.baseUrl(), podHost,
        flow.started()));
  }

  @Then("the session stands at challenge {int} of package {int}")
  public void standsAt(int challenge, int packages) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.walk(rule(), flow.walk(), challenge, packages,
        last()));
  }

  @Then("the Result carries {names}")
  public void resultCarries(List<String> fields) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.resultCarries(rule(), last(), fields));
  }

  @Then("the mechanism {string} carries {names}")
  public void mechanismCarries(String name, List<String> fields) {
    scenario.check(Source.CLIENT, () -> CyberArkExpect.mechanismCarries(rule(), last(), name, fields));
  }
}
