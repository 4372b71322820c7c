package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.junit.IdvStubExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A protected admin API: every /__admin/ call needs the token; the vendors' paths do not. */
class AdminTokenTest {

  private static final String TOKEN = "test-admin-token-" + System.nanoTime();

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().adminToken(TOKEN).build();

  @Test
  void anAdminCallWithoutTheTokenIsRefusedWith401() {
    StubAdminClient anonymous = new StubAdminClient(stub.baseUrl());

    for (String path : new String[] {"/stats", "/profile", "/sessions/ironvest/x"}) {
      Exchange refused = anonymous.send("GET", path, null);
      assertThat(refused.status()).as(path).isEqualTo(401);
    }
    assertThat(anonymous.send("POST", "/reset", "").status()).isEqualTo(401);
    assertThat(anonymous.send("PUT", "/profile/endpoints/ironvest.validate",
        "{\"faults\":{\"unavailableRate\":1.0}}").status()).isEqualTo(401);
    assertThatThrownBy(anonymous::stats).hasMessageContaining("HTTP 401");
    assertThat(anonymous.send("GET", "/stats", null).responseBody()).as("never an HTML page").doesNotContain("<html");
  }

  @Test
  void aWrongTokenIsRefusedToo() {
    assertThat(new StubAdminClient(stub.baseUrl(), "not-the-token").send("GET", "/stats", null).status())
        .isEqualTo(401);
  }

  @Test
  void theTokenOpensTheAdminApiAndTheVendorsNeedNone() {
    assertThat(stub.admin().stats().has("endpoints")).isTrue();
    Exchange vendor = new dev.idvharness.client.VendorHttp(java.time.Duration.ofSeconds(5), null).post(
        java.net.URI.create(stub.baseUrl() + "/v1/validate"),
        Map.of("Content-Type", "application/json", "apikey", stub.data().requireApiKeyOf("acme-bank")),
        "{\"cid\":\"acme-bank\",\"csid\":\"token-p0\",\"uid\":\"u\",\"additionalData\":{\"sessionData\":[]}}");
    assertThat(vendor.status()).isEqualTo(200);
  }
}
