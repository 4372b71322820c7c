package dev.idvharness.conformance;

import dev.idvharness.conformance.Contract.Source;
import dev.idvharness.run.Target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.TransportFailure;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** IronVest steps: each delegates to {@link IronVestWorld} (requests) or {@link IronVestExpect} (one check). */
public class IronVestSteps {

  private Scenario scenario;
  private IronVestWorld flow;
  private TransportFailure refused;

  @Before(order = 10)
  public void keep(Scenario current) {
    scenario = current;
  }

  private IronVestWorld flow() {
    if (flow == null) {
      flow = new IronVestWorld(SuiteTarget.current(), this::attach);
    }
    return flow;
  }

  private String rule() {
    return scenario.getName();
  }

  private IronVestAnswer last() {
    return flow().last();
  }

  private void attach(IronVestAnswer answer) {
    scenario.attach(answer.exchange().describe(), "text/plain", "validate HTTP " + answer.status());
  }

  @Given("the IronVest client uses mTLS with its client certificate")
  public void overMtls() {
    flow().overMtls();
  }

  @Given("the organisation {string} of the stub data")
  public void organisation(String cid) {
    flow().asStubClient(cid);
  }

  @Given("a user who never enrolled")
  public void newUser() {
    flow().newUser();
  }

  @Given("the user {string}")
  public void user(String uid) {
    flow().userId(uid);
  }

  @Given("a validate request for the configured session")
  public void requestForConfiguredSession() {
    flow().requestForConfiguredSession();
  }

  @Given("a validate request for csid {string}")
  public void requestForCsid(String conventions) {
    flow().requestForCsid(conventions);
  }

  @Given("the amount sent is {}")
  public void amount(String json) {
    flow().amount(IronVestWorld.parseValue(json));
  }

  @Given("the request asks for enrollment")
  public void enrollment() {
    flow().enrollment();
  }

  @Given("the IronVest client posts to {string}")
  public void postTo(String path) {
    flow().postTo(path);
  }

  @Given("the request sends the field {string} as {}")
  public void field(String name, String json) {
    flow().field(name, IronVestWorld.parseValue(json));
  }

  @Given("the request names uid {string} and enrollment {string}")
  public void nameFields(String uidName, String enrollmentName) {
    flow().nameFields(uidName, enrollmentName);
  }

  @Given("the validate deadline is {int} ms")
  public void deadline(int deadlineMs) {
    flow().deadline(deadlineMs);
  }

  @Given("the validate retries after a 503 are {int}")
  public void unavailableRetries(int retries) {
    flow().unavailableRetries(retries);
  }

  @When("the client validates until a verdict with an unknown apikey")
  public void validateUntilVerdictWithUnknownKey() {
    flow().validateUntilVerdictWithUnknownKey();
  }

  @Given("the user has enrolled in session {string}")
  public void enrolled(String conventions) {
    flow().requestForCsid(conventions);
    flow().enrollment();
    flow().validateUntilVerdict();
    IronVestExpect.outcome(rule(), flow().outcome(), "verified");
  }

  @Given("the client has validated until a verdict")
  @When("the client validates until a verdict")
  public void validateUntilVerdict() {
    flow().validateUntilVerdict();
  }

  @When("the client validates once")
  public void validateOnce() {
    flow().validateOnce();
  }

  @When("the client validates once with {}")
  public void validateWithCredentials(String credentials) {
    flow().validateWithCredentials(credentials);
  }

  @When("the client validates once sending {}")
  public void validateBroken(String breakage) {
    flow().validateBroken(breakage);
  }

  @When("a later session {string} of the same user is validated until a verdict")
  public void laterSession(String conventions) {
    flow().laterSession(conventions);
    flow().validateUntilVerdict();
  }

  @When("the client validates over mTLS presenting {}")
  public void presenting(String certificate) {
    Target target = SuiteTarget.current();
    Path keyStore = switch (certificate) {
      case "no client certificate" -> null;
      case "a certificate from a foreign CA" -> target.stub().tls().foreignClientKeyStore();
      case "an expired certificate" -> target.stub().tls().expiredClientKeyStore();
      default -> throw new IllegalArgumentException("no such certificate in the catalogue: " + certificate);
    };
    flow().requestForCsid("mtls-refused-p0");
    try {
      flow().validateOnceVia(target.ironVestPresenting(keyStore, target.ironVestApiKey()));
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
    Contract.check(Source.DOC, scenario, () -> IronVestExpect.status(rule(), last(), expected));
  }

  @Then("the answer has one of the statuses {string}")
  public void statusOneOf(String expected) {
    List<Integer> statuses = Arrays.stream(expected.split(",")).map(String::trim).map(Integer::valueOf).toList();
    Contract.check(Source.DOC, scenario, () -> IronVestExpect.statusOneOf(rule(), last(), statuses));
  }

  @Then("the validate answer matches the schema {string}")
  public void schema(String schema) {
    Contract.checkSchema(rule(), schema, last().exchange(), scenario);
  }

  @Then("the error names {string}")
  public void errorNames(String problem) {
    Contract.check(Source.OURS, scenario, () -> IronVestExpect.errorNames(rule(), last(), problem));
  }

  @Then("the validate loop ends with a verdict")
  public void verdict() {
    Contract.check(Source.DOC, scenario, () -> IronVestExpect.verdict(rule(), flow().outcome()));
  }

  @Then("the validate loop ends as {string}")
  public void outcome(String expected) {
    // [doc] where a @contract scenario uses it (a 403 ends the loop); otherwise a stub convention
    Contract.check(Source.DOC, scenario, () -> IronVestExpect.outcome(rule(), flow().outcome(), expected));
  }

  @Then("the validate loop took {int} calls")
  public void calls(int expected) {
    Contract.check(Source.DOC, scenario, () -> IronVestExpect.calls(rule(), flow().outcome(), expected));
  }

  @Then("the indicator {string} is {word}")
  public void indicator(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("an indicator is true or false, not " + value);
    }
    Contract.check(Source.OURS, scenario,
        () -> IronVestExpect.indicator(rule(), last(), name, Boolean.parseBoolean(value)));
  }

  @Then("the answer is the same decision as before")
  public void sameDecision() {
    Contract.check(Source.OURS, scenario, () -> IronVestExpect.sameDecision(rule(), flow().previous(), last()));
  }

  @Then("the 503 carries a Retry-After header")
  public void retryAfter() {
    Contract.check(Source.OURS, scenario, () -> IronVestExpect.retryAfterHeader(rule(), last()));
  }
}
