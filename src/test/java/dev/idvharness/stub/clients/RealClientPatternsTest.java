package dev.idvharness.stub.clients;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.StubClientReport;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What public clients of the two vendors send and read (docs/vendor-contract.md 1.4a), written as requests of our
 * own: the stub serves each pattern as the vendor does, and its client report names what a client does wrong.
 */
class RealClientPatternsTest {

  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final StubHttp http = new StubHttp(stub);

  /** CyberArk's Node sample: lower-case paths, the tenant's host name as TenantId, Version, PersistentLogin. */
  @Test
  void aLoginThroughLowerCasePathsWithTheTenantsHostNameReachesLoginSuccessAndSetsTheCookie() {
    String login = "password.only@idv.test";
    JsonNode started = StubHttp.parse(http.post("/security/startauthentication",
        json("{'User':'" + login + "','Version':'1.0','TenantId':'abc1234.id.cyberark.cloud'}"),
        "X-IDAP-NATIVE-CLIENT", "YES").responseBody());
    assertThat(started.path("Result").path("Summary").asText()).isEqualTo("NewPackage");
    String sessionId = started.path("Result").path("SessionId").asText();
    String mechanismId = started.path("Result").path("Challenges").path(0).path("Mechanisms").path(0)
        .path("MechanismId").asText();

    Exchange login1 = http.post("/security/advanceauthentication", advance("abc1234.id.cyberark.cloud", sessionId,
        mechanismId, "Answer", stub.data().passwordOf(login)), "X-IDAP-NATIVE-CLIENT", "YES");

    JsonNode result = StubHttp.parse(login1.responseBody()).path("Result");
    assertThat(result.path("Summary").asText()).isEqualTo("LoginSuccess");
    String cookie = login1.responseHeader("Set-Cookie").orElseThrow();
    assertThat(cookie).isEqualTo(".ASPXAUTH=" + result.path("Token").asText() + "; Path=/; Secure; HttpOnly");
    assertThat(stub.clients().findings()).isEmpty();
  }

  static Stream<Arguments> harmlessVariations() {
    return Stream.of(
        Arguments.of("X-IDAP-NATIVE-CLIENT: true", "/CDirectoryService", "ABC1234", new String[] {"X-IDAP-NATIVE-CLIENT", "true"}),
        Arguments.of("X-IDAP-NATIVE-CLIENT: YES", "/CDirectoryService", "ABC1234", new String[] {"X-IDAP-NATIVE-CLIENT", "YES"}),
        Arguments.of("X-IDAP-NATIVE-CLIENT: 1", "/CDirectoryService", "ABC1234", new String[] {"X-IDAP-NATIVE-CLIENT", "1"}),
        Arguments.of("no native-client header", "/CDirectoryService", "ABC1234", new String[0]),
        Arguments.of("X-CENTRIFY-NATIVE-CLIENT: true", "/CDirectoryService", "ABC1234", new String[] {"X-CENTRIFY-NATIVE-CLIENT", "true"}),
        Arguments.of("the tenant id in lower case", "/cdirectoryservice", "abc1234", new String[0]),
        Arguments.of("the .NET client's mixed case", "/Security", "ABC1234", new String[0]),
        Arguments.of("upper-case paths", "/SECURITY", "Abc1234.ID.CyberArk.Cloud", new String[0]));
  }

  /** Every variation reaches LoginSuccess; the advance reads the TenantId from the start's Result.TenantId. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("harmlessVariations")
  void harmlessVariationsAreServedAlike(String what, String family, String tenant, String[] headers) {
    boolean security = family.equalsIgnoreCase("/Security");
    String login = "password.only@idv.test";
    JsonNode started = StubHttp.parse(http.post(family + "/StartAuthentication", json("{'TenantId':'" + tenant + "','User':'" + login
        + "','PersistentLogin':false,'Version':'1.0'}"), headers).responseBody());
    JsonNode session = security ? started.path("Result") : started.path("Result").path("ReturnData");
    String tenantFromResult = started.path("Result").path("TenantId").asText();
    assertThat(tenantFromResult).isEqualToIgnoringCase("ABC1234");

    JsonNode answered = StubHttp.parse(http.post(family + (security ? "/AdvanceAuthentication"
        : "/SendIdentityVerification"), advance(tenantFromResult, session.path("SessionId").asText(),
        session.path("Challenges").path(0).path("Mechanisms").path(0).path("MechanismId").asText(), "Answer",
        stub.data().passwordOf(login)), headers).responseBody());

    assertThat(answered.path("Result").path("Summary").asText()).as("%s", answered).isEqualTo("LoginSuccess");
  }

  /**
   * The Node sample reads Result.Summary on every answer, failures included, and may poll after the login ended:
   * each answer it gets has one, and the report names the calls after the end.
   */
  @Test
  void aClientThatReadsResultSummaryOnEveryAnswerAlwaysFindsOneAndItsCallsAfterTheEndAreNamed() {
    String login = "mfa.push@idv.test";
    JsonNode started = http.postJson(StubHttp.CYBERARK_START, json("{'TenantId':'ABC1234','User':'" + login + "'}"));
    String sessionId = started.path("Result").path("ReturnData").path("SessionId").asText();
    String password = mechanism(started, 0, "UP");
    List<JsonNode> answers = new ArrayList<>();
    answers.add(send(sessionId, "no-such-mechanism", "Answer", "x"));
    answers.add(send("no-such-session", password, "Poll", null));
    answers.add(send(sessionId, password, "Poll", null));
    answers.add(send(sessionId, password, "Answer", stub.data().passwordOf(login)));
    String otp = mechanism(started, 1, "OTP");
    answers.add(send(sessionId, otp, "Poll", null));
    answers.add(send(sessionId, otp, "StartOOB", null));
    answers.add(send(sessionId, otp, "Answer", stub.data().user(login).orElseThrow().oobCode()));
    answers.add(send(sessionId, otp, "Poll", null));
    answers.add(send(sessionId, otp, "Poll", null));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.path("Result").path("Summary").isTextual())
        .as("Result.Summary in %s", answer).isTrue());
    assertThat(answers.get(6).path("Result").path("Summary").asText()).isEqualTo("LoginSuccess");
    StubClientReport report = stub.clients();
    assertThat(report.count("ABC1234", "after-end")).isEqualTo(2);
    assertThat(report.finding("ABC1234", "refused").path("reasons").path("the session has ended").asLong())
        .isEqualTo(2);
    assertThat(report.finding("ABC1234", "refused").path("reasons").path("Poll before StartOOB").asLong())
        .isEqualTo(2);
    // both Polls after the end repeat the Poll refused before StartOOB: a refused request sent unchanged, twice
    assertThat(report.count("ABC1234", "repeated-refused")).isEqualTo(2);
  }

  /** The third-party IronVest client: no additionalData, and a 422 retried three times as if it were a 5xx. */
  @Test
  void aBodyWithoutAdditionalDataRetriedThreeTimesIsNamedWithItsReason() {
    String body = json("{'cid':'acme-bank','csid':'retry-422','uid':'u1','action':'login','enrollment':true}");
    for (int send = 0; send < 4; send++) {
      assertThat(validate(body).status()).isEqualTo(422);
    }

    StubClientReport report = stub.clients();
    JsonNode repeated = report.finding("acme-bank", "repeated-refused");
    assertThat(repeated.path("count").asLong()).isEqualTo(3);
    assertThat(repeated.path("example").path("sends").asInt()).isEqualTo(4);
    assertThat(repeated.path("example").path("status").asInt()).isEqualTo(422);
    assertThat(report.finding("acme-bank", "refused").path("reasons")
        .path("additionalData is required and must be an object").asLong()).isEqualTo(4);
    assertThat(report.json().toString()).doesNotContain(stub.data().requireApiKeyOf("acme-bank"));
  }

  /** The same client never calls again after "processing": the session is abandoned once its window is over. */
  @Test
  void aClientThatNeverCallsBackAfterProcessingAbandonsTheSession() {
    assertThat(validate(validBody("gone-p1-r100")).responseBody()).contains("processing");

    // ten times a retryAfterMS of 100, at least one second: then, and only then, the report says it
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> stub.clients().count("acme-bank", "abandoned") == 1);
    assertThat(stub.clients().finding("acme-bank", "abandoned").path("example").path("session").asText())
        .contains("gone-p1-r100");
  }

  /** A retryAfterMS of 5 s answered at once: an early poll, with the gap and the interval asked. */
  @Test
  void aClientThatCallsBeforeTheRetryAfterPollsEarly() {
    validate(validBody("eager-p2-r5000"));
    validate(validBody("eager-p2-r5000"));

    JsonNode early = stub.clients().finding("acme-bank", "early-poll");
    assertThat(early.path("count").asLong()).isEqualTo(1);
    assertThat(early.path("example").path("expectedGapMs").asLong()).isEqualTo(5000);
    assertThat(early.path("example").path("gapMs").asLong()).isLessThan(5000);
  }

  /** What a team calls at the end of its own test: it fails naming each finding, and a reset clears the report. */
  @Test
  void theExtensionsAssertionFailsNamingEachFindingAndAResetClearsIt() {
    String body = json("{'cid':'acme-bank','csid':'c1','uid':'u1'}");
    validate(body);
    validate(body);
    validate(validBody("eager-p2-r5000"));
    validate(validBody("eager-p2-r5000"));

    assertThatThrownBy(() -> stub.clients().assertNoFindings()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("ironvest client acme-bank: early-poll x1")
        .hasMessageContaining("ironvest client acme-bank: repeated-refused x1")
        .hasMessageContaining("ironvest client acme-bank: refused x2")
        .hasMessageContaining("additionalData is required");

    stub.admin().reset();
    stub.clients().assertNoFindings();
    assertThat(stub.clients().json().path("clients")).isEmpty();
  }

  private Exchange validate(String body) {
    return http.post(StubHttp.IRONVEST_VALIDATE, body, "apikey", stub.data().requireApiKeyOf("acme-bank"),
        "User-Agent", "third-party-client/1.0");
  }

  private static String validBody(String csid) {
    return json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u1','action':'login','additionalData':"
        + "{'sessionData':[]}}");
  }

  private JsonNode send(String sessionId, String mechanismId, String action, String answer) {
    return StubHttp.parse(http.post(StubHttp.CYBERARK_SEND, advance("ABC1234", sessionId, mechanismId, action, answer))
        .responseBody());
  }

  private static String advance(String tenant, String sessionId, String mechanismId, String action, String answer) {
    return json("{'TenantId':'" + tenant + "','SessionId':'" + sessionId + "','MechanismId':'" + mechanismId
        + "','Action':'" + action + "'" + (answer == null ? "" : ",'Answer':'" + answer + "'")
        + ",'PersistentLogin':false}");
  }

  private static String mechanism(JsonNode started, int challenge, String name) {
    for (JsonNode mechanism : started.path("Result").path("ReturnData").path("Challenges").path(challenge)
        .path("Mechanisms")) {
      if (mechanism.path("Name").asText().equals(name)) {
        return mechanism.path("MechanismId").asText();
      }
    }
    throw new AssertionError("no " + name + " in challenge " + challenge + " of " + started);
  }
}
