package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.client.TransportFailure;
import dev.idvharness.junit.IdvStubExtension;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Latency and faults set through the admin API are what clients see, and faults never touch session state. */
class StubLatencyAndFaultsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final StubHttp http = new StubHttp(stub);

  private final StubAdminClient admin = stub.admin();

  @BeforeEach
  void noLatencyNoFaults() {
    admin.putProfile("{}");
    admin.reset();
  }

  @Test
  void aConfiguredDelayIsObservedByTheClientAndReportedAsServed() {
    setEndpoint("ironvest.validate", "{'delay':{'type':'fixed','ms':300}}");

    long started = System.nanoTime();
    Exchange response = validate(http, "delay-1");
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.status()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    JsonNode served = admin.stats().at("/endpoints/ironvest.validate");
    assertThat(served.at("/configuredDelayMs/max").asLong()).isEqualTo(300);
    assertThat(served.at("/servedMs/max").asLong()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void anUnavailableFaultAnswers503WithRetryAfterAndLeavesTheSessionUntouched() {
    setEndpoint("ironvest.validate", "{'faults':{'unavailableRate':1.0}}");

    Exchange faulted = validate(http, "fault-untouched");
    setEndpoint("ironvest.validate", "{'delay':{'type':'none'},'faults':{}}");
    JsonNode first = StubHttp.parse(validate(http, "fault-untouched").responseBody());

    assertThat(faulted.status()).isEqualTo(503);
    assertThat(faulted.responseHeader("Retry-After")).hasValue("1");
    assertThat(StubHttp.parse(faulted.responseBody()).get("success").asBoolean()).isFalse();
    // the 503 never reached the vendor logic: the csid still gets its first "processing"
    assertThat(first.path("errorMessage").asText()).isEqualTo("processing");
  }

  @Test
  void aResetFaultClosesTheConnection() {
    setEndpoint("ironvest.validate", "{'faults':{'resetRate':1.0}}");

    assertThatThrownBy(() -> validate(freshClient(Duration.ofSeconds(10)), "reset-1"))
        .isInstanceOf(TransportFailure.class).hasCauseInstanceOf(IOException.class);
    assertThat(admin.stats().at("/endpoints/ironvest.validate/faults/resets").asLong()).isEqualTo(1);
  }

  @Test
  void aStallOutlastsTheClientTimeout() {
    admin.putProfile(json(
        "{'endpoints':{'ironvest.validate':{'faults':{'stallRate':1.0}}},'faults':{'stallMs':2000}}"));

    assertThatThrownBy(() -> validate(freshClient(Duration.ofMillis(500)), "stall-1"))
        .isInstanceOf(TransportFailure.class).hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(admin.stats().at("/endpoints/ironvest.validate/faults/stalls").asLong()).isEqualTo(1);
  }

  @Test
  void cyberArkPollLatencyIsSetPerAction() {
    setEndpoint("cyberark.SendIdentityVerification.Poll", "{'delay':{'type':'uniform','minMs':5,'maxMs':9}}");

    JsonNode profile = admin.profile();

    assertThat(profile.at("/endpoints/cyberark.SendIdentityVerification.Poll/delay/type").asText()).isEqualTo("uniform");
    assertThat(profile.at("/endpoints/cyberark.SendIdentityVerification.Answer").isMissingNode()).isTrue();
  }

  private static Exchange validate(StubHttp client, String csid) {
    return client.post(IRONVEST_VALIDATE,
        json("{'cid':'acme-bank','csid':'" + csid + "','uid':'u1','additionalData':{'sessionData':[]}}"),
        "apikey", stub.data().requireApiKeyOf("acme-bank"));
  }

  /** A client of its own, with no pooled connection and the given timeout. */
  private static StubHttp freshClient(Duration timeout) {
    return new StubHttp(stub.baseUrl(), timeout);
  }

  private void setEndpoint(String endpoint, String settings) {
    admin.putEndpoint(endpoint, json(settings));
  }
}
