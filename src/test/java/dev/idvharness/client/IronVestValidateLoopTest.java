package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each branch of the validate loop against the real stub server, selected by the stub's csid conventions. */
class IronVestValidateLoopTest {

  /** Small numbers keep the test fast; min 10 and max 50 make clamping visible in the recorded waits. */
  private static final ValidateSettings SETTINGS = new ValidateSettings(4, 40, 10, 50, 3, 5_000);

  private static final String CID = "acme-bank";
  private static final VendorHttp HTTP = new VendorHttp(Duration.ofSeconds(10), null);

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final IronVestClient client = new IronVestClient(HTTP, stub.baseUrl(), stub.data().requireApiKeyOf(CID));

  @BeforeAll
  static void retryAfterZero() {
    // 503s carry Retry-After: 0 so that honouring it costs nothing
    stub.admin().putProfile("{\"ironvest\": {\"processingCalls\": 1, \"retryAfterMs\": 20}, \"faults\": {\"retryAfterSeconds\": 0}}");
  }

  @Test
  void processingSeveralTimesThenTheDecision() {
    Outcome outcome = run(SETTINGS, "loop-p3-r20");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.VERIFIED);
    assertThat(outcome.calls()).isEqualTo(4);
    assertThat(outcome.waitsMs()).containsExactly(20L, 20L, 20L);
  }

  @Test
  void aLargeRetryAfterIsClampedToTheMaximum() {
    Outcome outcome = run(SETTINGS, "loop-p2-r99999");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.VERIFIED);
    assertThat(outcome.waitsMs()).containsExactly(50L, 50L);
  }

  @Test
  void aZeroRetryAfterIsClampedToTheMinimum() {
    Outcome outcome = run(SETTINGS, "loop-p2-r0");

    assertThat(outcome.waitsMs()).containsExactly(10L, 10L);
  }

  @Test
  void withoutRetryAfterTheLoopBacksOffExponentiallyWithFullJitter() {
    Outcome outcome = run(SETTINGS, "loop-p6-noretry");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.VERIFIED);
    assertThat(outcome.calls()).isEqualTo(7);
    // ceilings 4, 8, 16, 32, 40 (cap), 40
    long[] ceilings = {4, 8, 16, 32, 40, 40};
    for (int i = 0; i < ceilings.length; i++) {
      assertThat(outcome.waitsMs().get(i)).as("wait %d", i).isBetween(0L, ceilings[i]);
    }
  }

  @Test
  void unavailableIsRetriedHonouringRetryAfterThenDecides() {
    Outcome outcome = run(SETTINGS, "loop-u2-p0");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.VERIFIED);
    assertThat(outcome.calls()).isEqualTo(3);
    assertThat(outcome.waitsMs()).containsExactly(0L, 0L);
  }

  @Test
  void unavailableBeyondTheRetryBudgetEndsAsUnavailable() {
    Outcome outcome = run(SETTINGS, "loop-u9-p0");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.UNAVAILABLE);
    assertThat(outcome.calls()).isEqualTo(SETTINGS.unavailableRetries() + 1);
  }

  @Test
  void forbiddenIsNeverRetried() {
    IronVestClient wrongKey = new IronVestClient(HTTP, stub.baseUrl(), "not-a-key");
    Outcome outcome = new IronVestValidateLoop(wrongKey, SETTINGS, Pause.SLEEP, new SplittableRandom(1))
        .run(body("loop-p2-forbidden"));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
    assertThat(outcome.calls()).isEqualTo(1);
  }

  @Test
  void unprocessableIsNeverRetried() {
    ObjectNode body = body("loop-p2-unprocessable");
    body.remove("uid");
    Outcome outcome = new IronVestValidateLoop(client, SETTINGS, Pause.SLEEP, new SplittableRandom(1)).run(body);

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
    assertThat(outcome.calls()).isEqualTo(1);
  }

  @Test
  void anApplicationErrorIsTerminal() {
    Outcome outcome = run(SETTINGS, "loop-p1-apperr");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.APPLICATION_ERROR);
    assertThat(outcome.detail()).isNotEqualTo("processing").isNotBlank();
  }

  @Test
  void stillProcessingAtTheDeadlineEndsAsDeadline() {
    Outcome outcome = run(new ValidateSettings(4, 40, 10, 20, 3, 150), "loop-p9999-r20");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEADLINE);
    assertThat(outcome.calls()).isGreaterThan(1);
  }

  /** A vendor that holds the request: the deadline cuts it, and that is the deadline whatever the clock says after. */
  @Test
  void aRequestCutAtTheDeadlineEndsAsDeadlineNotUnreachable() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread holder = new Thread(() -> {
        try {
          held.add(silent.accept());
        } catch (IOException closed) {
          // the test is over
        }
      });
      holder.setDaemon(true);
      holder.start();
      IronVestClient silentVendor = new IronVestClient(HTTP, "http://127.0.0.1:" + silent.getLocalPort(),
          stub.data().requireApiKeyOf(CID));
      Outcome outcome = new IronVestValidateLoop(silentVendor, new ValidateSettings(4, 40, 10, 20, 3, 300),
          Pause.SLEEP, new SplittableRandom(1)).run(body("loop-p0-r20"));

      assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(Outcome.Kind.DEADLINE);
      assertThat(outcome.detail()).contains("unanswered");
      assertThat(held).as("the request reached the vendor, which held it").hasSize(1);
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void mismatchedValuesEndAsNotVerified() {
    Outcome outcome = run(SETTINGS, "loop-p0-mismatch");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_VERIFIED);
    assertThat(outcome.calls()).isEqualTo(1);
  }

  private Outcome run(ValidateSettings settings, String csid) {
    return new IronVestValidateLoop(client, settings, Pause.SLEEP, new SplittableRandom(1)).run(body(csid));
  }

  private static ObjectNode body(String csid) {
    return ValidateBody.of(CID, csid + "-" + System.nanoTime(), "user-1", "WireTransfer")
        .value("amount", new BigDecimal("35"), "amount")
        .value("accountNumber", "66666666", "account_number")
        .json();
  }
}
