package dev.idvharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as another team would use it: a stub on a free port, its data, and its admin API. */
class IdvStubExtensionTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().https(true).build();

  private final VendorHttp http = new VendorHttp(Duration.ofSeconds(10), null);

  @Test
  void servesTheVendorsOnAFreePortWithTheKeysOfItsData() {
    String key = stub.data().requireApiKeyOf("acme-bank");

    Exchange answer = http.post(URI.create(stub.baseUrl() + IronVestApi.VALIDATE),
        IronVestClient.headers(key), "{\"cid\":\"acme-bank\",\"csid\":\"ext-p0\",\"uid\":\"u\","
            + "\"additionalData\":{\"sessionData\":[]}}");

    assertThat(stub.port()).isPositive();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.responseBody()).contains("\"verifiedAction\"");
  }

  @Test
  void adminClientReadsStatsAndTheNoDelayProfile() {
    assertThat(stub.admin().profile().path("endpoints").isEmpty()).as("no endpoint has a delay").isTrue();
    assertThat(stub.admin().stats().has("endpoints")).isTrue();
  }

  @Test
  void httpsBaseUrlIsOfferedWhenAskedFor() {
    assertThat(stub.httpsBaseUrl()).startsWith("https://localhost:");
  }

  @Test
  void adminClientThrowsWithTheStubsOneLineWhenRefused() {
    assertThatThrownBy(() -> stub.admin().putProfile("{\"endpoints\":{\"nope\":{}}}"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 422");
  }

  @Nested
  class PerMethod {

    @RegisterExtension
    IdvStubExtension own = IdvStubExtension.newInstance().noDelays().build();

    @Test
    void anInstanceFieldGetsItsOwnServerForTheMethod() {
      assertThat(own.port()).isNotEqualTo(stub.port());
      assertThat(own.admin().stats().has("endpoints")).isTrue();
      assertThatThrownBy(own::httpsBaseUrl).hasMessageContaining("no HTTPS");
    }
  }

  @Test
  void aStubThatIsNotRunningSaysHowToStartIt() {
    IdvStubExtension notStarted = IdvStubExtension.newInstance().build();

    assertThatThrownBy(notStarted::baseUrl).hasMessageContaining("@RegisterExtension");
  }
}
