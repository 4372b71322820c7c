package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.junit.IdvStubExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and idle clients: headers trickled a byte at a time and idle connections are closed by their deadlines, and
 * thousands of idle connections do not keep a valid request from its answer. Deadlines are short here (1 s) so that
 * the test is; the defaults are 10 s for a request head and 30 s idle.
 */
class SlowClientsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays()
      .options(StubOptions.options().idleTimeoutMs(1_000)).build();

  /** Default deadlines: idle connections stay open for the length of the test. */
  @RegisterExtension
  static IdvStubExtension crowded = IdvStubExtension.newInstance().noDelays().build();

  private static void shortHeaderDeadline() {
    stub.admin().putProfile("{\"limits\": {\"headerTimeoutMs\": 1000}}");
  }

  @Test
  void headersTrickledAByteAtATimeAreCutOffAtTheHeaderDeadline() throws Exception {
    shortHeaderDeadline();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", stub.port()));
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] head = "POST /v1/validate HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      long started = System.nanoTime();
      boolean closed = false;
      // a byte every 100 ms: the idle timeout (1 s) never fires, the header deadline (1 s) must
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write(head[Math.min(i, head.length - 1)]);
          out.flush();
          closed = in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // nothing to read yet: keep trickling
        } catch (java.io.IOException reset) {
          closed = true;
        }
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(closed).as("the trickling connection was closed").isTrue();
      assertThat(seconds).as("closed by the deadline, not at the end of the trickle").isLessThan(8);
    }
  }

  @Test
  void anIdleConnectionIsClosedAtTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", stub.port()));
      socket.setSoTimeout(10_000);
      assertThat(socket.getInputStream().read()).as("the server closes an idle connection").isEqualTo(-1);
    }
  }

  @Test
  void fiveThousandIdleConnectionsDoNotStopAValidRequest() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 5_000; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", crowded.port()));
        idle.add(socket);
      }
      Exchange answer = new VendorHttp(Duration.ofSeconds(5), null).post(URI.create(crowded.baseUrl()
          + "/v1/validate"), Map.of("Content-Type", "application/json", "apikey",
              crowded.data().requireApiKeyOf("acme-bank")),
          "{\"cid\":\"acme-bank\",\"csid\":\"idle-p0\",\"uid\":\"u\",\"additionalData\":{\"sessionData\":[]}}");

      assertThat(answer.status()).as("answered within the client's 5 s timeout").isEqualTo(200);
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }
}
