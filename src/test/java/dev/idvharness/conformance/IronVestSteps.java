package dev.idvharness.conformance;

import dev.idvharness.conformance.Contract.Source;
import dev.idvharness.run.Target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.TransportFailure;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Path;
import java.util.List;

/**
 * IronVest steps: each delegates to {@link IronVestWorld} (requests) or {@link IronVestExpect} (one check). The world,
 * the scenario and the target come by constructor (Cucumber's PicoContainer, new for every scenario).
 */
public class IronVestSteps {

  private final IronVestWorld flow;
  private final CurrentScenario scenario;
  private final Target target;
  private TransportFailure refused;

  public IronVestSteps(IronVestWorld flow, CurrentScenario scenario, Target target) {
    this.flow = flow;
    this.scenario = scenario;
    this.target = target;
  }

  private String rule() {
    return scenario.rule();
  }

  private IronVestAnswer last() {
    return flow.last();
  }

  @Given("the IronVest client uses mTLS with its client certificate")
  public void overMtls() {
    flow.overMtls();
  }

  @Given("the organisation {string} of the stub data")
  public void organisation(String cid) {
    flow.asStubClient(cid);
  }

  @Given("a user who never enrolled")
  public void newUser() {
    flow.newUser();
  }

  @Given("the user {string}")
  public void user(String uid) {
    flow.userId(uid);
  }

  @Given("a validate request for the configured session")
  public void requestForConfiguredSession() {
    flow.requestForConfiguredSession();
  }

  @Given("a validate request for csid {string}")
  public void requestForCsid(String conventions) {
    flow.requestForCsid(conventions);
  }

  @Given("the amount sent is {json}")
  public void amount(JsonNode value) {
    flow.amount(value);
  }

  @Given("the request asks for enrollment")
  public void enrollment() {
    flow.enrollment();
  }

  @Given("the IronVest client posts to {string}")
  public void postTo(String path) {
    flow.postTo(path);
  }

  @Given("the request sends the field {string} as {json}")
  public void field(String name, JsonNode value) {
    flow.field(name, value);
  }

  @Given("the request names uid {string} and enrollment {string}")
  public void nameFields(String uidName, String enrollmentName) {
    flow.nameFields(uidName, enrollmentName);
  }

  @Given("the validate deadline is {int} ms")
  public void deadline(int deadlineMs) {
    flow.deadline(deadlineMs);
  }

  @Given("the validate retries after a 503 are {int}")
  public void unavailableRetries(int retries) {
    flow.unavailableRetries(retries);
  }

  @When("the client validates until a verdict with an unknown apikey")
  public void validateUntilVerdictWithUnknownKey() {
    flow.validateUntilVerdictWithUnknownKey();
  }

  @Given("the user has enrolled in session {string}")
  public void enrolled(String conventions) {
    flow.requestForCsid(conventions);
    flow.enrollment();
    flow.validateUntilVerdict();
    IronVestExpect.outcome(rule(), flow.outcome(), "verified");
  }

  @Given("the client has validated until a verdict")
  @When("the client validates until a verdict")
  public void validateUntilVerdict() {
    flow.validateUntilVerdict();
  }

  @When("the client validates once")
  public void validateOnce() {
    flow.validateOnce();
  }

  @When("the client validates once with {credentials}")
  public void validateWithCredentials(IronVestCredentials credentials) {
    flow.validateWithCredentials(credentials);
  }

  @When("the client validates once sending {breakage}")
  public void validateBroken(IronVestBreakage breakage) {
    flow.validateBroken(breakage);
  }

  @When("a later session {string} of the same user is validated until a verdict")
  public void laterSession(String conventions) {
    flow.laterSession(conventions);
    flow.validateUntilVerdict();
  }

  @When("the client validates over mTLS presenting {certificate}")
  public void presenting(ClientCertificate certificate) {
    Path keyStore = switch (certificate) {
      case NONE -> null;
      case FOREIGN_CA -> target.stub().tls().foreignClientKeyStore();
      case EXPIRED -> target.stub().tls().expiredClientKeyStore();
    };
    flow.requestForCsid("mtls-refused-p0");
    try {
      flow.validateOnceVia(target.ironVestPresenting(keyStore, target.ironVestApiKey()));
    } catch (TransportFailure expected) {
      refused = expected;
    }
  }

  @Then("the connection is refused")
  public void connectionRefused() {
    assertThat(refused)
        .as(Contract.broken(rule(), "the mTLS endpoint must refuse the TLS handshake (contract 2.1)", null))
        .isNotNull();
  }

  @Then("the answer has status {int}")
  public void status(int expected) {
    scenario.check(Source.DOC, () -> IronVestExpect.status(rule(), last(), expected));
  }

  @Then("the answer has one of the statuses {statuses}")
  public void statusOneOf(List<Integer> statuses) {
    scenario.check(Source.DOC, () -> IronVestExpect.statusOneOf(rule(), last(), statuses));
  }

  @Then("the validate answer matches the schema {string}")
  public void schema(String schema) {
    scenario.checkSchema(schema, last().exchange());
  }

  @Then("the error names {string}")
  public void errorNames(String problem) {
    scenario.check(Source.OURS, () -> IronVestExpect.errorNames(rule(), last(), problem));
  }

  @Then("the validate loop ends with a verdict")
  public void verdict() {
    scenario.check(Source.DOC, () -> IronVestExpect.verdict(rule(), flow.outcome()));
  }

  @Then("the validate loop ends as {string}")
  public void outcome(String expected) {
    // [doc] where a @contract scenario uses it (a 403 ends the loop); otherwise a stub convention
    scenario.check(Source.DOC, () -> IronVestExpect.outcome(rule(), flow.outcome(), expected));
  }

  @Then("the validate loop took {int} calls")
  public void calls(int expected) {
    scenario.check(Source.DOC, () -> IronVestExpect.calls(rule(), flow.outcome(), expected));
  }

  @Then("the indicator {string} is {flag}")
  public void indicator(String name, Boolean value) {
    scenario.check(Source.OURS, () -> IronVestExpect.indicator(rule(), last(), name, value));
  }

  @Then("the answer is the same decision as before")
  public void sameDecision() {
    scenario.check(Source.OURS, () -> IronVestExpect.sameDecision(rule(), flow.previous(), last()));
  }

  @Then("the 503 carries a Retry-After header")
  public void retryAfter() {
    scenario.check(Source.OURS, () -> IronVestExpect.retryAfterHeader(rule(), last()));
  }
}
