package dev.idvharness.stub.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The other pod is told by the Host header's name, whatever its port and case. */
class CyberArkRouteTest {

  @ParameterizedTest(name = "Host {0}: on the pod {1}, PodFqdn {2}")
  @CsvSource({
      "127.0.0.1:8080, false, localhost:8080",
      "localhost:8080, true, localhost:8080",
      "LOCALHOST, true, localhost",
      "stub.internal, false, localhost",
      "'[::1]:9000', false, localhost:9000",
      "'', false, localhost"})
  void theHostHeaderTellsWhetherARequestIsOnThePod(String host, boolean onPod, String podFqdn) {
    CyberArkRoute route = new CyberArkRoute(false, host);

    assertThat(route.onPod("localhost")).isEqualTo(onPod);
    assertThat(route.podFqdn("localhost")).isEqualTo(podFqdn);
  }
}
