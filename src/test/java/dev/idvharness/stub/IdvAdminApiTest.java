package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.ACME_KEY;
import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /__admin/idv/ endpoints: profile, statistics, per-session poll discipline and reset. */
class IdvAdminApiTest {

  private static StubHttp stub;

  @BeforeAll
  static void start() {
    stub = StubHttp.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void cleanSlate() {
    put("/__admin/idv/profile", "{'ironvest':{'processingCalls':2,'retryAfterMs':60}}");
    stub.post("/__admin/idv/reset", "");
  }

  @Test
  void theProfileCanBeReadAndReplaced() {
    HttpResponse<String> replaced = put("/__admin/idv/profile", "{'ironvest':{'processingCalls':0}}");

    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(stub.getJson("/__admin/idv/profile").at("/ironvest/processingCalls").asInt()).isZero();
    assertThat(validate("replaced-now").has("verifiedAction")).isTrue();
  }

  @Test
  void aBadProfileIsRefusedWithOneLineNamingTheFieldAndTheLiveProfileStays() {
    HttpResponse<String> refused = put("/__admin/idv/profile",
        "{'endpoints':{'ironvest.validate':{'delay':{'type':'lognormal','medianMs':-3,'sigma':0.1}}}}");

    assertThat(refused.statusCode()).isEqualTo(422);
    String error = StubHttp.parse(refused.body()).get("error").asText();
    assertThat(error).contains("medianMs").doesNotContain("\n");
    assertThat(stub.getJson("/__admin/idv/profile").at("/ironvest/processingCalls").asInt()).isEqualTo(2);
  }

  @Test
  void anUnknownEndpointNameIsRefused() {
    HttpResponse<String> refused = put("/__admin/idv/profile/endpoints/ironvest.validat", "{}");

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).contains("ironvest.validate");
  }

  @Test
  void statsCountRequestsPerEndpointAndLiveSessions() {
    validate("stats-a");
    validate("stats-b");
    validate("stats-b");

    JsonNode stats = stub.getJson("/__admin/idv/stats");

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

    JsonNode hasty = stub.getJson("/__admin/idv/sessions/ironvest/hasty");
    JsonNode patient = stub.getJson("/__admin/idv/sessions/ironvest/patient");
    JsonNode totals = stub.getJson("/__admin/idv/stats").at("/pollDiscipline/ironvest");

    assertThat(hasty.get("earlyPolls").asInt()).isEqualTo(1);
    assertThat(patient.get("earlyPolls").asInt()).isZero();
    assertThat(patient.get("gapsMs").get(0).asInt()).isGreaterThanOrEqualTo(100);
    assertThat(totals.get("polls").asLong()).isEqualTo(2);
    assertThat(totals.get("earlyPolls").asLong()).isEqualTo(1);
  }

  @Test
  void anUnknownSessionIs404() {
    assertThat(stub.get("/__admin/idv/sessions/cyberark/no-such-session").statusCode()).isEqualTo(404);
  }

  @Test
  void resetForgetsSessionsAndCounts() {
    validate("to-forget");

    stub.post("/__admin/idv/reset", "");

    JsonNode stats = stub.getJson("/__admin/idv/stats");
    assertThat(stats.at("/liveSessions/ironvest").asLong()).isZero();
    assertThat(stats.at("/endpoints/ironvest.validate").isMissingNode()).isTrue();
    assertThat(validate("to-forget").path("errorMessage").asText()).isEqualTo("processing");
  }

  private static JsonNode validate(String csid) {
    return stub.postJson(IRONVEST_VALIDATE,
        json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u1','additionalData':{'sessionData':[]}}"),
        "apikey", ACME_KEY);
  }

  private static HttpResponse<String> put(String path, String body) {
    return stub.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
        .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
        .build());
  }
}
