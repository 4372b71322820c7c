package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.openapi.OffDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The suite must catch a vendor that breaks the contract. Each test makes the stub server misbehave in one way
 * (a higher-priority WireMock mapping added through its admin API), drives the same flow and runs the same check as
 * the feature's steps, and expects a failure that names the contract rule and shows the offending answer. The last
 * cases run the remote suite itself against such a vendor, and against vendors that differ only as the contract
 * allows, which it must pass.
 */
@OffDescription("the stub is made to break the contract, so that the suite's checks can be seen to catch it")
class BrokenVendorTest {

  private static final String CYBERARK_ENVELOPE_FAILURE = "{\"success\":false,\"Result\":{\"Summary\":\"Failure\"},"
      + "\"Message\":null,\"MessageID\":null,\"Exception\":null,\"ErrorID\":null,\"ErrorCode\":null,"
      + "\"IsSoftError\":false,\"InnerExceptions\":null}";
  private static final String CYBERARK_CONTRACT = "@cyberark and @contract and not @stub";
  private static final String CYBERARK_LOGIN_SUCCESS = "{\"success\":true,\"Result\":{\"Summary\":\"LoginSuccess\"},"
      + "\"Message\":null,\"MessageID\":null,\"Exception\":null,\"ErrorID\":null,\"ErrorCode\":null,"
      + "\"IsSoftError\":false,\"InnerExceptions\":null}";

  /** A stub of its own per test: the misbehaviour a test adds must not outlive it. */
  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private WireMock admin;
  private Target target;
  private final List<String> attached = new ArrayList<>();

  /** The extension stops the server after the test: the target over it needs no closing. */
  @BeforeEach
  void targetOverTheStub() {
    admin = new WireMock("127.0.0.1", stub.port());
    target = Target.overStub(HarnessConfig.from(Map.of(), Map.of(), Map.of()), stub.server());
  }

  private void breakVendor(MappingBuilder misbehaviour) {
    admin.register(misbehaviour.atPriority(1));
  }

  private CyberArkWorld cyberArk() {
    return new CyberArkWorld(target, (CyberArkAnswer answer) -> attached.add(answer.exchange().describe()));
  }

  private IronVestWorld ironVest() {
    return new IronVestWorld(target, (IronVestAnswer answer) -> attached.add(answer.exchange().describe()));
  }

  /** The suite as against a sandbox (HARNESS_TARGET=remote), the scenarios of {@code tags}, the vendor's settings. */
  private static List<SuiteRun.Result> remoteRun(String name, String tags, Map<String, String> vendor) {
    Map<String, String> environment = new HashMap<>(vendor);
    environment.put("HARNESS_TARGET", "remote");
    environment.put("POLL_INTERVAL_MS", "50");
    return SuiteRun.of(Target.forConformance(HarnessConfig.from(Map.of(), environment, Map.of())), tags,
        "broken-vendor-" + name);
  }

  /** CyberArk on the stub, logging in as a stub user whose password comes from the stub data. */
  private Map<String, String> cyberArkAs(String user) {
    return Map.of("CYBERARK_BASE_URL", stub.baseUrl(), "CYBERARK_TENANT_ID", "SANDBOX42", "CYBERARK_USER", user,
        "CYBERARK_PASSWORD", stub.data().passwordOf(user));
  }

  private static String failures(List<SuiteRun.Result> results) {
    return results.stream().filter(SuiteRun.Result::failed).map(result -> result.name() + ": " + result.reason())
        .toList().toString();
  }

  @Test
  void htmlServerErrorInsteadOfTheEnvelope() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/StartAuthentication")).willReturn(aResponse()
        .withStatus(500).withHeader("Content-Type", "text/html").withBody("<html><body>Server Error</body></html>")));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();

    assertThatThrownBy(() -> CyberArkExpect.envelopeAsDocumented("1.2-a NewPackage", flow.last()))
        .hasMessageContaining("contract 1.2-a NewPackage")
        .hasMessageContaining("HTTP 200 with the JSON envelope (contract 1.1)")
        .hasMessageContaining("HTTP 500 text/html")
        .hasMessageContaining("<html><body>Server Error</body></html>");
  }

  @Test
  void failureWithoutMessageOrErrorId() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(matchingJsonPath("$.Answer", matching("wrong-.*")))
        .willReturn(okJson(CYBERARK_ENVELOPE_FAILURE)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.WRONG_PASSWORD);
    String rule = "1.4-1 wrong password answers success:false with Result Summary \"Failure\"";

    assertThatThrownBy(() -> CyberArkExpect.envelope(rule, flow.last()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("cyberark_envelope.json")
        .hasMessageContaining("\"Message\":null");
    assertThatThrownBy(() -> CyberArkExpect.errorIdLooksLikeGuidHex(rule, flow.last()))
        .hasMessageContaining("ErrorID must look like <guid>:<hex> (contract 1.4)")
        .hasMessageContaining("\"ErrorID\":null");
  }

  @Test
  void acceptingAWrongPassword() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(matchingJsonPath("$.Answer", matching("wrong-.*")))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.WRONG_PASSWORD);
    String rule = "1.4-1 wrong password answers success:false with Result Summary \"Failure\"";

    assertThatThrownBy(() -> CyberArkExpect.success(rule, flow.last(), false))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("success must be false")
        .hasMessageContaining("\"Summary\":\"LoginSuccess\"")
        .hasMessageContaining("\"Answer\":\"***\"");
  }

  @Test
  void skippingOobPending() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(matchingJsonPath("$.Action", matching("StartOOB")))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    CyberArkWorld flow = cyberArk();
    flow.startStubUser("mfa.push@idv.test");
    flow.answerPassword();
    flow.startOob("OTP");
    String rule = "1.3-e StartOOB on the configured out-of-band mechanism answers OobPending";

    assertThatThrownBy(() -> CyberArkExpect.summary(rule, flow.last(), "OobPending"))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("Result.Summary must be OobPending")
        .hasMessageContaining("\"Summary\":\"LoginSuccess\"");
  }

  @Test
  void acceptingAMissingRequiredField() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(notContaining("\"MechanismId\""))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.NO_MECHANISM_ID);
    String rule = "1.4-7b no MechanismId answers success:false with Result null";

    assertThatThrownBy(() -> CyberArkExpect.success(rule, flow.last(), false))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("\"Summary\":\"LoginSuccess\"");
  }

  @Test
  void lettingARequestWithoutApikeyThrough() {
    breakVendor(post(urlPathEqualTo("/v1/validate")).withHeader("apikey", absent())
        .willReturn(okJson("{\"success\":true,\"verifiedAction\":true,\"indicators\":{},\"ivScore\":2000}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateWithCredentials(IronVestCredentials.NO_APIKEY_HEADER);
    String rule = "2.2-403a no apikey answers 403 with a small JSON error body";

    assertThatThrownBy(() -> IronVestExpect.status(rule, flow.last(), 403))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("the answer must be HTTP 403 (contract 2.2)")
        .hasMessageContaining("response: HTTP 200")
        .hasMessageContaining("\"verifiedAction\":true");
  }

  @Test
  void serverErrorOnAMalformedBody() {
    breakVendor(post(urlPathEqualTo("/v1/validate")).withRequestBody(notContaining("{"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
            .withBody("<h1>500 Internal Server Error</h1>")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateBroken(IronVestBreakage.NOT_JSON);
    String rule = "2.2-422a body not JSON answers 422 naming the problem";

    assertThatThrownBy(() -> IronVestExpect.statusOneOf(rule, flow.last(), List.of(422, 403)))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("the answer must be HTTP 422 or 403")
        .hasMessageContaining("response: HTTP 500 text/html")
        .hasMessageContaining("<h1>500 Internal Server Error</h1>");
  }

  @Test
  void neverLeavingProcessing() {
    breakVendor(post(urlPathEqualTo("/v1/validate"))
        .willReturn(okJson("{\"errorMessage\":\"processing\",\"retryAfterMS\":10}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.deadline(200);
    flow.validateUntilVerdict();
    String rule = "2.2-a the configured session is validated to a decision of the documented shape";

    assertThatThrownBy(() -> IronVestExpect.verdict(rule, flow.outcome()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("it ended deadline after")
        .hasMessageContaining("\"errorMessage\":\"processing\"");
  }

  @Test
  void wrongFieldTypesInAVerdict() {
    breakVendor(post(urlPathEqualTo("/v1/validate")).willReturn(okJson(
        "{\"success\":true,\"verifiedAction\":\"true\",\"indicators\":{\"iv_is_values_match\":\"yes\"},\"ivScore\":\"high\"}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateUntilVerdict();
    String rule = "2.2-a the configured session is validated to a decision of the documented shape";

    assertThatThrownBy(() -> IronVestExpect.verdict(rule, flow.outcome()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("it ended protocol after 1 call(s)")
        .hasMessageContaining("verifiedAction is missing or not a boolean");
    assertThatThrownBy(() -> IronVestExpect.schema(rule, flow.last(), "ironvest_decision"))
        .hasMessageContaining("ironvest_decision.json")
        .hasMessageContaining("verifiedAction")
        .hasMessageContaining("\"ivScore\":\"high\"");
  }

  // --- every [doc] check of the @contract scenarios, broken one at a time

  @Test
  void successThatIsNotABoolean() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS.replace("\"success\":true", "\"success\":\"true\""))));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.answerPassword();
    String rule = "1.3-a the right password passes the first challenge";

    assertThatThrownBy(() -> CyberArkExpect.envelopeAsDocumented(rule, flow.last()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("doc/cyberark_envelope.json")
        .hasMessageContaining("\"success\":\"true\"");
  }

  @Test
  void refusingTheRightPassword() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(matchingJsonPath("$.Action", matching("Answer")))
        .willReturn(okJson(CYBERARK_ENVELOPE_FAILURE)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.answerPassword();
    String rule = "1.3-a the right password passes the first challenge";

    assertThatThrownBy(() -> CyberArkExpect.success(rule, flow.last(), true))
        .hasMessageContaining("contract " + rule).hasMessageContaining("success must be true");
  }

  @Test
  void acceptingAnUnknownSessionId() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.UNKNOWN_SESSION_ID);
    String rule = "1.4-4 unknown SessionId answers the documented error object";

    assertThatThrownBy(() -> CyberArkExpect.success(rule, flow.last(), false))
        .hasMessageContaining("contract " + rule).hasMessageContaining("success must be false");
  }

  @Test
  void anErrorWithoutMessageOrErrorId() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .willReturn(okJson(CYBERARK_ENVELOPE_FAILURE)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.OTHER_SESSIONS_MECHANISM_ID);
    String rule = "1.4-5 MechanismId of another session answers the documented error object";

    assertThatThrownBy(() -> CyberArkExpect.errorObject(rule, flow.last()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("an error object carries a Message (contract 1.4)");
    assertThatThrownBy(() -> CyberArkExpect.envelopeAsDocumented(rule, flow.last()))
        .hasMessageContaining("doc/cyberark_envelope.json");
  }

  @Test
  void startOobThatFails() {
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(matchingJsonPath("$.Action", matching("StartOOB")))
        .willReturn(okJson(CYBERARK_ENVELOPE_FAILURE)));
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.answerPassword();
    flow.startOob("OTP");
    String rule = "1.3-e StartOOB on the configured out-of-band mechanism answers OobPending";

    assertThatThrownBy(() -> CyberArkExpect.success(rule, flow.last(), true))
        .hasMessageContaining("contract " + rule).hasMessageContaining("success must be true");
  }

  @Test
  void lettingAnUnknownApikeyThrough() {
    breakVendor(post(urlPathEqualTo("/v1/validate")).withHeader("apikey", matching("unknown-.*"))
        .willReturn(okJson("{\"success\":true,\"verifiedAction\":true,\"indicators\":{},\"ivScore\":2000}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateWithCredentials(IronVestCredentials.UNKNOWN_APIKEY);
    String rule = "2.2-403b unknown apikey answers 403";

    assertThatThrownBy(() -> IronVestExpect.status(rule, flow.last(), 403))
        .hasMessageContaining("contract " + rule).hasMessageContaining("response: HTTP 200");
  }

  @Test
  void refusingTheApikeyHeaderSpelledApiKey() {
    // WireMock matches header names case-insensitively: this vendor refuses every key, the test sends apiKey
    breakVendor(post(urlPathEqualTo("/v1/validate")).withHeader("apiKey", matching(".*"))
        .willReturn(aResponse().withStatus(403)));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateWithCredentials(IronVestCredentials.HEADER_SPELLED_API_KEY);
    String rule = "2.2-403d the apikey header name is case-insensitive (apiKey works too)";

    assertThatThrownBy(() -> IronVestExpect.status(rule, flow.last(), 200))
        .hasMessageContaining("contract " + rule).hasMessageContaining("response: HTTP 403");
  }

  @Test
  void acceptingABodyWithoutCsid() {
    breakVendor(post(urlPathEqualTo("/v1/validate")).withRequestBody(notContaining("\"csid\""))
        .willReturn(okJson("{\"success\":true,\"verifiedAction\":true,\"indicators\":{},\"ivScore\":2000}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateBroken(IronVestBreakage.NO_CSID);
    String rule = "2.2-422c no csid is refused (422)";

    assertThatThrownBy(() -> IronVestExpect.statusOneOf(rule, flow.last(), List.of(422)))
        .hasMessageContaining("contract " + rule).hasMessageContaining("the answer must be HTTP 422");
  }

  @Test
  void aRetryAfterThatIsNotAWholeNumber() {
    breakVendor(post(urlPathEqualTo("/v1/validate"))
        .willReturn(okJson("{\"errorMessage\":\"processing\",\"retryAfterMS\":\"soon\"}")));
    IronVestWorld flow = ironVest();
    flow.requestForConfiguredSession();
    flow.validateUntilVerdict();
    String rule = "2.2-a the configured session is validated to a decision of the documented shape";

    assertThatThrownBy(() -> IronVestExpect.verdict(rule, flow.outcome()))
        .hasMessageContaining("contract " + rule)
        .hasMessageContaining("it ended protocol")
        .hasMessageContaining("retryAfterMS is not a whole number");
  }

  // --- the remote suite against a vendor that processes a request missing a required field

  @Test
  void ignoringAMissingTenantId() {
    String user = "load.p2.broken@idv.test";
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(notContaining("\"TenantId\""))
        .withRequestBody(matchingJsonPath("$.Answer", equalTo(stub.data().passwordOf(user))))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    List<SuiteRun.Result> results = remoteRun("no-tenant-id", CYBERARK_CONTRACT, cyberArkAs(user));

    assertThat(results).filteredOn(SuiteRun.Result::failed).singleElement().satisfies(failed -> assertThat(
        failed.reason()).contains("contract 1.4-7d no TenantId")
        .contains("a request without TenantId must be refused, the vendor answered success"));
  }

  @Test
  void ignoringAMissingMechanismId() {
    String user = "load.p2.broken@idv.test";
    breakVendor(post(urlPathEqualTo("/CDirectoryService/SendIdentityVerification"))
        .withRequestBody(notContaining("\"MechanismId\""))
        .withRequestBody(matchingJsonPath("$.Answer", equalTo(stub.data().passwordOf(user))))
        .willReturn(okJson(CYBERARK_LOGIN_SUCCESS)));
    List<SuiteRun.Result> results = remoteRun("no-mechanism-id", CYBERARK_CONTRACT, cyberArkAs(user));

    assertThat(results).filteredOn(SuiteRun.Result::failed).singleElement().satisfies(failed -> assertThat(
        failed.reason()).contains("contract 1.4-7b no MechanismId")
        .contains("a request without MechanismId must be refused, the vendor answered success"));
  }

  @Test
  void aNegativeRetryAfter() {
    List<SuiteRun.Result> results;
    try (VariantVendor vendor = VariantVendor.start(stub.baseUrl(), answer -> answer.json(body -> {
      if (body.has("retryAfterMS")) {
        body.put("retryAfterMS", -50);
      }
    }))) {
      results = remoteRun("negative-retry-after", "@ironvest and @contract and not @stub", Map.of(
          "IRONVEST_BASE_URL", vendor.baseUrl(),
          "IRONVEST_API_KEY", stub.data().requireApiKeyOf("acme-bank"),
          "IRONVEST_CID", "acme-bank",
          "IRONVEST_UID", "broken-user",
          "IRONVEST_CSID", "broken-p3-r10"));
    }

    assertThat(results).filteredOn(SuiteRun.Result::failed).singleElement().satisfies(failed -> assertThat(
        failed.reason()).contains("contract 2.2-a").contains("it ended protocol")
        .contains("retryAfterMS is negative (-50)"));
  }

  // --- the remote suite against vendors that differ from the stubs' usual users only as the contract allows

  @Test
  void swappingThePackageAfterThePassword() {
    // the stub itself answers a NewPackage after the password to its .repack users (contract 1.6)
    List<SuiteRun.Result> results = remoteRun("new-package", CYBERARK_CONTRACT,
        cyberArkAs("load.p2.repack.broken@idv.test"));

    assertThat(results).as(failures(results)).isNotEmpty()
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void aUserWithoutASecondChallenge() throws Exception {
    String reason = "the configured user has no out-of-band mechanism OTP (CYBERARK_OOB_MECHANISM): "
        + "the password answered LoginSuccess";
    List<SuiteRun.Result> results = remoteRun("no-second-challenge", CYBERARK_CONTRACT,
        cyberArkAs("password.only@idv.test"));

    assertThat(results).as(failures(results)).noneMatch(SuiteRun.Result::failed);
    assertThat(results).filteredOn(result -> result.status() == TestExecutionResult.Status.ABORTED)
        .extracting(SuiteRun.Result::reason).containsExactly(reason, reason);
    assertThat(java.nio.file.Files.readString(SuiteRun.summaryOf("broken-vendor-no-second-challenge")))
        .contains("not run  2: " + reason);
  }

  @Test
  void theUnbrokenStubPassesTheSameChecks() {
    CyberArkWorld flow = cyberArk();
    flow.startConfiguredUser();
    flow.sendBroken(CyberArkBrokenRequest.WRONG_PASSWORD);
    String rule = "1.4-1 wrong password answers success:false with Result Summary \"Failure\"";

    CyberArkExpect.envelope(rule, flow.last());
    CyberArkExpect.success(rule, flow.last(), false);
    CyberArkExpect.errorIdLooksLikeGuidHex(rule, flow.last());
  }
}
