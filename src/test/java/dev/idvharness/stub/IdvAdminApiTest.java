package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.junit.IdvStubExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /__admin/idv/ endpoints: profile, statistics, per-session poll discipline and reset. */
class IdvAdminApiTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final StubHttp http = new StubHttp(stub);

  private final StubAdminClient admin = stub.admin();

  @BeforeEach
  void cleanSlate() {
    admin.putProfile(json("{'ironvest':{'processingCalls':2,'retryAfterMs':60}}"));
    admin.reset();
  }

  @Test
  void theProfileCanBeReadAndReplaced() {
    Exchange replaced = admin.send("PUT", "/profile", json("{'ironvest':{'processingCalls':0}}"));

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(admin.profile().at("/ironvest/processingCalls").asInt()).isZero();
    assertThat(validate("replaced-now").has("verifiedAction")).isTrue();
  }

  @Test
  void aBadProfileIsRefusedWithOneLineNamingTheFieldAndTheLiveProfileStays() {
    Exchange refused = admin.send("PUT", "/profile",
        json("{'endpoints':{'ironvest.validate':{'delay':{'type':'lognormal','medianMs':-3,'sigma':0.1}}}}"));

    assertThat(refused.status()).isEqualTo(422);
    String error = StubHttp.parse(refused.responseBody()).get("error").asText();
    assertThat(error).contains("medianMs").doesNotContain("\n");
    assertThat(admin.profile().at("/ironvest/processingCalls").asInt()).isEqualTo(2);
  }

  @Test
  void aNumberSentAsAStringIsRefusedNamingTheFieldAndTheType() {
    Exchange refused = admin.send("PUT", "/profile/endpoints/ironvest.validate",
        json("{'delay':{'type':'fixed','ms':'800'}}"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(StubHttp.parse(refused.responseBody()).get("error").asText()).contains("delay.ms")
        .contains("must be a whole number (not a string)");
  }

  @Test
  void malformedJsonIsRefusedWithItsPositionAndNoParserNames() {
    Exchange refused = admin.send("PUT", "/profile", "{\"ironvest\": {\"processingCalls\": 1,, }}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(StubHttp.parse(refused.responseBody()).get("error").asText()).contains("not valid JSON")
        .contains("at line 1, column ").doesNotContain("Jackson").doesNotContain("StreamReadFeature")
        .doesNotContain("Source");
  }

  @Test
  void anUnknownEndpointNameIsRefused() {
    Exchange refused = admin.send("PUT", "/profile/endpoints/ironvest.validat", "{}");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.responseBody()).contains("ironvest.validate");
  }

  @Test
  void statsCountRequestsPerEndpointAndLiveSessions() {
    validate("stats-a");
    validate("stats-b");
    validate("stats-b");

    JsonNode stats = admin.stats();

    assertThat(stats.at("/endpoints/ironvest.validate/requests").asLong()).isEqualTo(3);
    assertThat(stats.at("/endpoints/ironvest.validate/answersTimed").asLong()).isEqualTo(3);
    assertThat(stats.at("/liveSessions/ironvest").asLong()).isEqualTo(2);
  }

  @Test
  void pollsEarlierThanRetryAfterAreCountedPerSessionAndInTotal() throws InterruptedException {
    validate("hasty");
    validate("hasty");
    validate("patient");
    Thread.sleep(120);
    validate("patient");

    JsonNode hasty = admin.ironVestSession("hasty");
    JsonNode patient = admin.ironVestSession("patient");
    JsonNode totals = admin.stats().at("/pollDiscipline/ironvest");

    assertThat(hasty.get("earlyPolls").asInt()).isEqualTo(1);
    assertThat(patient.get("earlyPolls").asInt()).isZero();
    assertThat(patient.get("gapsMs").get(0).asInt()).isGreaterThanOrEqualTo(100);
    assertThat(totals.get("polls").asLong()).isEqualTo(2);
    assertThat(totals.get("earlyPolls").asLong()).isEqualTo(1);
  }

  @Test
  void anUnknownSessionIs404() {
    assertThat(admin.send("GET", "/sessions/cyberark/no-such-session", null).status()).isEqualTo(404);
  }

  @Test
  void resetForgetsSessionsAndCounts() {
    validate("to-forget");

    admin.reset();

    JsonNode stats = admin.stats();
    assertThat(stats.at("/liveSessions/ironvest").asLong()).isZero();
    assertThat(stats.at("/endpoints/ironvest.validate").isMissingNode()).isTrue();
    assertThat(validate("to-forget").path("errorMessage").asText()).isEqualTo("processing");
  }

  private static JsonNode validate(String csid) {
    return http.postJson(IRONVEST_VALIDATE,
        json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u1','additionalData':{'sessionData':[]}}"),
        "apikey", stub.data().requireApiKeyOf("acme-bank"));
  }

  @Test
  void aPartialEndpointUpdateChangesOnlyWhatItNames() {
    admin.putEndpoint("ironvest.validate", json("{'delay':{'type':'fixed','ms':40}}"));

    admin.putEndpoint("ironvest.validate", json("{'faults':{'unavailableRate':0.5}}"));

    JsonNode endpoint = admin.profile().path("endpoints").path("ironvest.validate");
    assertThat(endpoint.path("delay").path("ms").asInt()).as("the delay stays").isEqualTo(40);
    assertThat(endpoint.path("faults").path("unavailableRate").asDouble()).isEqualTo(0.5);
  }

  @Test
  void anUnknownProfileKeyIsNamedWithTheAllowedOnesAndNoJavaClass() {
    Exchange refused = admin.send("PUT", "/profile", json("{'sessions':{'maxEntries':10,'ttl':5}}"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.responseBody()).contains("unknown key 'ttl' in sessions (allowed: idleTtlSeconds, maxEntries)")
        .doesNotContain("dev.idvharness").doesNotContain("class ");
  }

  @Test
  void statsCanBeResetAloneWhileSessionsCarryOn() {
    JsonNode first = StubHttp.parse(http.post(IRONVEST_VALIDATE, validateBody("carry-on"), "apikey",
        stub.data().requireApiKeyOf("acme-bank")).responseBody());

    admin.resetStats();

    JsonNode second = StubHttp.parse(http.post(IRONVEST_VALIDATE, validateBody("carry-on"), "apikey",
        stub.data().requireApiKeyOf("acme-bank")).responseBody());
    assertThat(first.path("errorMessage").asText()).isEqualTo("processing");
    assertThat(second.path("errorMessage").asText()).as("the session went on: its second call").isEqualTo(
        "processing");
    assertThat(admin.stats().path("endpoints").path("ironvest.validate").path("requests").asLong()).isEqualTo(1);
  }

  private static String validateBody(String csid) {
    return json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u','additionalData':{'sessionData':[]}}");
  }
}
