package dev.idvharness.stub;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upstream WireMock, configured only with the root dir and extension scanning (as its standalone jar is with the
 * idv-stubs jar on the classpath), finds our extensions through META-INF/services and serves both vendors.
 */
class UpstreamStandaloneLoadingTest {

  @Test
  void extensionScanningLoadsTheVendorStubsFromTheRootDir() throws Exception {
    WireMockServer upstream = startUpstream();
    try {
      Exchange response = startAuthentication(upstream,
          StubHttp.json("{'User':'password.only@idv.test'}").getBytes(StandardCharsets.UTF_8));

      JsonNode body = StubHttp.parse(response.responseBody());
      assertThat(body.at("/Result/Summary").asText()).isEqualTo("NewPackage");
      assertThat(body.at("/Result/ReturnData/SessionId").asText()).isNotEmpty();
    } finally {
      upstream.stop();
    }
  }

  @Test
  void requestBodiesAreNotInflatedThereEither() throws Exception {
    WireMockServer upstream = startUpstream();
    try {
      // the gzip magic bytes alone made WireMock inflate the body, and fail with a 500 page
      Exchange response = startAuthentication(upstream, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00});

      assertThat(response.status()).isEqualTo(200);
      assertThat(StubHttp.parse(response.responseBody()).path("Message").asText()).contains("could not be read");
    } finally {
      upstream.stop();
    }
  }

  /** Upstream WireMock as its standalone jar runs it: the root dir and extension scanning, nothing of ours named. */
  private static WireMockServer startUpstream() {
    WireMockServer upstream = new WireMockServer(options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .usingFilesUnderDirectory("stubs")
        .notifier(new ConsoleNotifier(false))
        .extensionScanningEnabled(true));
    upstream.start();
    return upstream;
  }

  private static Exchange startAuthentication(WireMockServer upstream, byte[] body) {
    Duration timeout = Duration.ofSeconds(30);
    return new VendorHttp(timeout, null).sendBytes("POST",
        URI.create("http://127.0.0.1:" + upstream.port() + StubHttp.CYBERARK_START),
        List.of(Map.entry("Content-Type", "application/json")), body, timeout);
  }
}
