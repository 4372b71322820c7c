package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.idvharness.config.ConfigException;
import dev.idvharness.config.HarnessConfig;
import dev.idvharness.run.Target;
import dev.idvharness.stub.StubData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where load may go: checked before any traffic, with one line when it may not. */
class LoadTargetTest {

  private static HarnessConfig config(Map<String, String> system) {
    return HarnessConfig.from(system, Map.of(), Map.of());
  }

  @Test
  void aRemoteTargetWithoutTheOptInIsRefusedBeforeAnyTraffic() {
    HarnessConfig remote = config(Map.of("harness.target", "remote",
        "cyberark.baseUrl", "https://tenant.example.com", "ironvest.baseUrl", "https://api.example.com"));

    assertThatThrownBy(() -> Target.forLoad(remote))
        .isInstanceOf(ConfigException.class)
        .hasMessage("harness.target=remote: load runs against a vendor need -Dload.allowRemote=true"
            + " (mind the vendor's rate limits, see docs/load.md); nothing was sent");
  }

  @Test
  void aBaseUrlWhereNothingListensIsOneLineNamingIt() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    HarnessConfig nowhere = config(Map.of("cyberark.baseUrl", "http://127.0.0.1:" + free,
        "ironvest.baseUrl", "http://127.0.0.1:" + free));

    assertThatThrownBy(() -> Target.forLoad(nowhere)).isInstanceOf(ConfigException.class)
        .hasMessage("cyberark.baseUrl http://127.0.0.1:" + free + ": nothing listens there (connection refused); start the stub"
            + " (java -jar target/idv-stubs.jar --port 0) or give neither base URL to start one")
        .satisfies(refused -> assertThat(refused.getStackTrace()).as("no trace under the line").isEmpty());
  }

  @Test
  void aLocalTargetMustBeOnTheLoopback() {
    HarnessConfig elsewhere = config(Map.of(
        "cyberark.baseUrl", "http://192.0.2.10:8089", "ironvest.baseUrl", "http://127.0.0.1:8089"));

    assertThatThrownBy(() -> Target.forLoad(elsewhere))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cyberark.baseUrl http://192.0.2.10:8089: harness.target=local sends load only");
  }

  @Test
  void aLocalTargetTakesTheStubsTestCredentialsFromTheirDataFiles() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Target target = Target.forLoad(config(Map.of(
            "cyberark.baseUrl", "http://127.0.0.1:" + listening.getLocalPort(),
            "ironvest.baseUrl", "http://localhost:" + listening.getLocalPort())))) {
      assertThat(target.stubUrl()).isEqualTo("http://127.0.0.1:" + listening.getLocalPort());
      assertThat(target.ironVestApiKey()).isEqualTo(StubData.load(Path.of("stubs")).requireApiKeyOf("acme-bank"));
      assertThat(target.loadUserPassword()).isNotBlank();
      assertThat(target.stub()).isNull();
    }
  }

  @Test
  void theStubTheMainJobStartedIsFoundThroughTheUrlFileItWrote(@TempDir Path dir) throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path urlFile = Files.writeString(dir.resolve("url"), "http://127.0.0.1:" + listening.getLocalPort() + "\n");

      try (Target target = Target.forLoad(config(Map.of("load.stubUrlFile", urlFile.toString())))) {
        assertThat(target.cyberArkUrl()).isEqualTo("http://127.0.0.1:" + listening.getLocalPort());
        assertThat(target.ironVestUrl()).isEqualTo(target.cyberArkUrl());
        assertThat(target.stub()).as("no second stub started").isNull();
      }
    }
    assertThatThrownBy(() -> Target.forLoad(config(Map.of("load.stubUrlFile", dir.resolve("none").toString()))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("load.stubUrlFile " + dir.resolve("none") + " cannot be read (NoSuchFileException): the stub"
            + " process did not start, see target/load-stub/stub.log");
  }

  @Test
  void aBadLoadSettingStopsWithOneLineNamingTheKey() {
    assertThatThrownBy(() -> LoadSettings.from(config(Map.of("load.profile", "spike"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("load.profile (LOAD_PROFILE) must be smoke, load, stress or soak, not 'spike'");
  }

  @Test
  void profilesInjectOpenRatesAndStayBounded() {
    LoadSettings load = LoadSettings.from(config(Map.of("load.profile", "load", "load.usersPerSec", "40",
        "load.rampSeconds", "10", "load.durationSeconds", "60", "load.drainSeconds", "30")));

    assertThat(load.injection().steps()).hasSize(2);
    assertThat(load.injection().rateAt(5)).isEqualTo(20.0);
    assertThat(load.injection().rateAt(30)).isEqualTo(40.0);
    assertThat(load.maxDuration()).hasSeconds(100);
    RolloutSimulation.Mix quarter = RolloutSimulation.Mix.of(0.25);
    // a quarter of the flows are IronVest when a third of the customers pay after their login
    assertThat(quarter.loginThenPay()).isCloseTo(100.0 / 3, offset(1e-9));
    assertThat(quarter.loginOnly() + quarter.loginThenPay()).isCloseTo(100, offset(1e-9));
    assertThat(quarter.payOnly()).isZero();
    RolloutSimulation.Mix mostlyPayments = RolloutSimulation.Mix.of(0.8);
    // four IronVest flows per CyberArk one: a quarter log in and pay, the others pay in an open session
    assertThat(mostlyPayments.loginThenPay()).isCloseTo(25, offset(1e-9));
    assertThat(mostlyPayments.payOnly()).isCloseTo(75, offset(1e-9));
  }
}
