package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.StubAdminClient;
import dev.idvharness.client.TransportFailure;
import dev.idvharness.client.VendorHttp;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bounded request bodies, on the packaged jar with a 128 MiB heap: 50 concurrent 10 MB bodies (half with a
 * Content-Length, half chunked) are refused with the vendors' answer for an unreadable request, or their connection
 * closed, while a valid request is answered during and after, and the heap stays within 96 MiB.
 */
class BodyLimitIT {

  private static final Pattern SERVING = Pattern.compile("serving CyberArk and IronVest on http://127\\.0\\.0\\.1:(\\d+)");
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final long HEAP_BOUND_MB = 96;

  @Test
  void fiftyConcurrentTenMegabyteBodiesAreRefusedWhileTheServerKeepsServing() throws Exception {
    Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-jar", "target/idv-stubs.jar", "--port", "0", "--profile", "stubs/profiles/none.json",
        "--max-lifetime-seconds", "300").redirectErrorStream(true).start();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      String base = "http://127.0.0.1:" + port(stub);
      String key = StubData.load(Path.of("stubs")).requireApiKeyOf("acme-bank");
      byte[] huge = new byte[TEN_MB];
      Arrays.fill(huge, (byte) ' ');
      System.arraycopy("{\"cid\":\"acme-bank\"".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 17);
      List<Future<Integer>> floods = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        boolean chunked = i % 2 == 1;
        floods.add(pool.submit(() -> send(base, key, huge, chunked)));
      }
      Exchange during = validate(base, key, "during-p0");
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> flood : floods) {
        statuses.add(flood.get(120, TimeUnit.SECONDS));
      }
      Exchange after = validate(base, key, "after-p0");
      JsonNode stats = new StubAdminClient(base).stats();

      assertThat(during.status()).as("a valid request during the flood").isEqualTo(200);
      assertThat(after.status()).as("a valid request after the flood").isEqualTo(200);
      assertThat(after.responseBody()).contains("\"verifiedAction\"");
      assertThat(statuses).as("422 (the vendor's answer), or -1: the connection closed on the rest of the body")
          .allMatch(status -> status == 422 || status == -1).contains(422);
      assertThat(stats.path("process").path("heapUsedMb").asLong()).as("heap of the stub after the flood")
          .isLessThan(HEAP_BOUND_MB);
      assertThat(stub.isAlive()).isTrue();
    } finally {
      pool.shutdownNow();
      stub.destroy();
      stub.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int send(String base, String key, byte[] body, boolean chunked) {
    VendorHttp http = new VendorHttp(Duration.ofSeconds(60), null);
    try {
      if (!chunked) {
        return http.sendBytes("POST", URI.create(base + "/v1/validate"), List.of(Map.entry("Content-Type",
            "application/json"), Map.entry("apikey", key)), body, Duration.ofSeconds(60)).status();
      }
      return http.sendStream("POST", URI.create(base + "/v1/validate"), List.of(Map.entry("Content-Type",
          "application/json"), Map.entry("apikey", key)), () -> new ByteArrayInputStream(body),
          Duration.ofSeconds(60)).status();
    } catch (TransportFailure closed) {
      return -1;
    }
  }

  private static Exchange validate(String base, String key, String csid) {
    return new VendorHttp(Duration.ofSeconds(30), null).post(URI.create(base + "/v1/validate"),
        Map.of("Content-Type", "application/json", "apikey", key),
        "{\"cid\":\"acme-bank\",\"csid\":\"" + csid + "\",\"uid\":\"u\",\"additionalData\":{\"sessionData\":[]}}");
  }

  private static String port(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    Matcher matcher = SERVING.matcher(line == null ? "" : line);
    assertThat(matcher.find()).as("first line: " + line).isTrue();
    return matcher.group(1);
  }
}
