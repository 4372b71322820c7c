package dev.idvharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.config.Keys;
import dev.idvharness.config.RemoteRequirements;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote target: a missing variable stops the run naming it, before any request; a vendor may be left out. */
class TargetTest {

  private HttpServer vendor;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startAVendorThatCountsRequests() throws Exception {
    vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    vendor.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    vendor.start();
  }

  @AfterEach
  void stop() {
    vendor.stop(0);
  }

  private String vendorUrl() {
    return "http://127.0.0.1:" + vendor.getAddress().getPort();
  }

  private static Map<String, String> completeCyberArk(String url) {
    return new HashMap<>(Map.of("HARNESS_TARGET", "remote", "CYBERARK_BASE_URL", url, "CYBERARK_TENANT_ID", "T1",
        "CYBERARK_USER", "someone@example.test", "CYBERARK_PASSWORD", "pw-from-env"));
  }

  private static Target open(Map<String, String> environment) {
    return Target.forConformance(HarnessConfig.from(Map.of(), environment, Map.of()));
  }

  @Test
  void noVendorAtAllStopsTheRun() {
    assertThatThrownBy(() -> open(Map.of("HARNESS_TARGET", "remote")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("harness.target=remote: CYBERARK_BASE_URL and IRONVEST_BASE_URL are both unset: set at least one");
  }

  @Test
  void aMissingPasswordIsNamedAndNothingIsSent() {
    Map<String, String> environment = completeCyberArk(vendorUrl());
    environment.remove("CYBERARK_PASSWORD");

    assertThatThrownBy(() -> open(environment))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CYBERARK_PASSWORD");
    assertThat(requests).hasValue(0);
  }

  @Test
  void aValueLeftToItsDefaultIsNoValueOfTheVendors() {
    Map<String, String> environment = completeCyberArk(vendorUrl());
    environment.remove("CYBERARK_USER");

    assertThatThrownBy(() -> open(environment)).hasMessageContaining("CYBERARK_USER is unset");
  }

  @Test
  void aRemoteValueEqualToAStubDefaultIsAccepted() {
    Map<String, String> environment = completeCyberArk(vendorUrl());
    environment.put("CYBERARK_TENANT_ID", "ABC1234");
    environment.put("CYBERARK_USER", "mfa.push@idv.test");

    Target target = open(environment);

    assertThat(target.config().get(Keys.CYBERARK_TENANT_ID)).isEqualTo("ABC1234");
    assertThat(RemoteRequirements.warnings(target.config())).anySatisfy(warning ->
        assertThat(warning).contains("CYBERARK_TENANT_ID=ABC1234").contains("used as given"));
  }

  @Test
  void everythingMissingIsNamedAtOnceAndNothingSetIsCalledMissing() {
    Map<String, String> environment = new HashMap<>(Map.of("HARNESS_TARGET", "remote",
        "CYBERARK_BASE_URL", vendorUrl(), "CYBERARK_TENANT_ID", "T1", "CYBERARK_PASSWORD", "",
        "IRONVEST_BASE_URL", vendorUrl(), "IRONVEST_CID", "acme", "IRONVEST_UID", "user-1"));

    assertThatThrownBy(() -> open(environment)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("CYBERARK_USER is unset").hasMessageContaining("CYBERARK_PASSWORD is blank")
        .hasMessageContaining("IRONVEST_API_KEY is unset").hasMessageContaining("IRONVEST_CSID is unset")
        .hasMessageNotContaining("CYBERARK_TENANT_ID").hasMessageNotContaining("IRONVEST_UID")
        .hasMessageNotContaining("IRONVEST_CID").hasMessageNotContaining("\n");
    assertThat(requests).hasValue(0);
  }

  @Test
  void anIronVestSessionIdIsRequiredOnceIronVestIsConfigured() {
    assertThatThrownBy(() -> open(Map.of("HARNESS_TARGET", "remote", "IRONVEST_BASE_URL", vendorUrl(),
        "IRONVEST_API_KEY", "k", "IRONVEST_CID", "c", "IRONVEST_UID", "u")))
        .hasMessageContaining("IRONVEST_CSID");
  }

  @Test
  void aClientCertificateWithoutItsKeyStopsTheRun() {
    assertThatThrownBy(() -> open(Map.of("HARNESS_TARGET", "remote", "IRONVEST_BASE_URL", vendorUrl(),
        "IRONVEST_API_KEY", "k", "IRONVEST_CID", "c", "IRONVEST_UID", "u", "IRONVEST_CSID", "s",
        "IRONVEST_CLIENT_CERT", "/tmp/cert.pem")))
        .hasMessageContaining("IRONVEST_CLIENT_KEY");
  }

  @Test
  void aVendorWithoutBaseUrlIsLeftOutWithTheReason() {
    Target target = open(completeCyberArk(vendorUrl()));

    assertThat(target.isRemote()).isTrue();
    assertThat(target.cyberArkLeftOut()).isEmpty();
    assertThat(target.ironVestLeftOut()).hasValueSatisfying(reason -> assertThat(reason).contains("IRONVEST_BASE_URL"));
    assertThat(requests).hasValue(0);
  }

  @Test
  void overAStubWithoutDelaysPollsFastUnlessAnIntervalWasChosenEvenTheDefaultOne() {
    try (StubServer stub = StubServer.start(StubOptions.defaults())) {
      Target chosenNothing = Target.overStub(HarnessConfig.from(Map.of(), Map.of(), Map.of()), stub);
      Target chosenTheDefault = Target.overStub(HarnessConfig.from(Map.of("poll.intervalMs", "1000"), Map.of(),
          Map.of()), stub);

      assertThat(chosenNothing.pollSettings().intervalMs()).isEqualTo(50);
      // a value the user gave is theirs, even when it equals the default
      assertThat(chosenTheDefault.pollSettings().intervalMs()).isEqualTo(1000);
      assertThat(chosenNothing.cyberArkUrl()).isEqualTo(stub.baseUrl()).isEqualTo(chosenNothing.stubUrl());
      assertThat(chosenNothing.describe()).startsWith("local stub server " + stub.baseUrl());
    }
  }

  @Test
  void everyClientOfATargetSharesOneHttpLayer() {
    try (Target target = open(completeCyberArk(vendorUrl()))) {
      // one pool and one selector thread per TLS context, not per client: a suite makes hundreds of clients
      assertThat(target.http()).isSameAs(target.http());
      assertThat(requests).as("no request made to share it").hasValue(0);
    }
  }
}
