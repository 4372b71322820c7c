package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.ACME_KEY;
import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Latency and faults set through the admin API are what clients see, and faults never touch session state. */
class StubLatencyAndFaultsTest {

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
  void noLatencyNoFaults() {
    put("/__admin/idv/profile", "{}");
    stub.post("/__admin/idv/reset", "");
  }

  @Test
  void aConfiguredDelayIsObservedByTheClientAndReportedAsServed() {
    setEndpoint("ironvest.validate", "{'delay':{'type':'fixed','ms':300}}");

    long started = System.nanoTime();
    HttpResponse<String> response = validate("delay-1");
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    JsonNode served = stub.getJson("/__admin/idv/stats").at("/endpoints/ironvest.validate");
    assertThat(served.at("/configuredDelayMs/max").asLong()).isEqualTo(300);
    assertThat(served.at("/servedMs/max").asLong()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void anUnavailableFaultAnswers503WithRetryAfterAndLeavesTheSessionUntouched() {
    setEndpoint("ironvest.validate", "{'faults':{'unavailableRate':1.0}}");

    HttpResponse<String> faulted = validate("fault-untouched");
    setEndpoint("ironvest.validate", "{}");
    JsonNode first = StubHttp.parse(validate("fault-untouched").body());

    assertThat(faulted.statusCode()).isEqualTo(503);
    assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(StubHttp.parse(faulted.body()).get("success").asBoolean()).isFalse();
    // the 503 never reached the vendor logic: the csid still gets its first "processing"
    assertThat(first.path("errorMessage").asText()).isEqualTo("processing");
  }

  @Test
  void aResetFaultClosesTheConnection() {
    setEndpoint("ironvest.validate", "{'faults':{'resetRate':1.0}}");

    assertThatThrownBy(() -> rawValidate(HttpClient.newHttpClient(), "reset-1", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class);
    assertThat(stub.getJson("/__admin/idv/stats").at("/endpoints/ironvest.validate/faults/resets").asLong())
        .isEqualTo(1);
  }

  @Test
  void aStallOutlastsTheClientTimeout() {
    put("/__admin/idv/profile",
        "{'endpoints':{'ironvest.validate':{'faults':{'stallRate':1.0}}},'faults':{'stallMs':2000}}");

    assertThatThrownBy(() -> rawValidate(HttpClient.newHttpClient(), "stall-1", Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(stub.getJson("/__admin/idv/stats").at("/endpoints/ironvest.validate/faults/stalls").asLong())
        .isEqualTo(1);
  }

  @Test
  void cyberArkPollLatencyIsSetPerAction() {
    setEndpoint("cyberark.SendIdentityVerification.Poll", "{'delay':{'type':'uniform','minMs':5,'maxMs':9}}");

    JsonNode profile = stub.getJson("/__admin/idv/profile");

    assertThat(profile.at("/endpoints/cyberark.SendIdentityVerification.Poll/delay/type").asText()).isEqualTo("uniform");
    assertThat(profile.at("/endpoints/cyberark.SendIdentityVerification.Answer").isMissingNode()).isTrue();
  }

  private static HttpResponse<String> validate(String csid) {
    return stub.post(IRONVEST_VALIDATE, body(csid), "apikey", ACME_KEY);
  }

  private static String body(String csid) {
    return json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u1','additionalData':{'sessionData':[]}}");
  }

  private static HttpResponse<String> rawValidate(HttpClient client, String csid, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + IRONVEST_VALIDATE))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("apikey", ACME_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body(csid)))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void setEndpoint(String endpoint, String settings) {
    put("/__admin/idv/profile/endpoints/" + endpoint, settings);
  }

  private static void put(String path, String body) {
    HttpResponse<String> response = stub.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
        .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
        .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
