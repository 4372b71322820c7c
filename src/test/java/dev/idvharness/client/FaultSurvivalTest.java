package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loops under injected faults (503 bursts, connection resets, answers slower than the client's timeout, a stub
 * stopped mid-run): every flow ends in a verdict or a named failure, and none outlives its deadline.
 */
class FaultSurvivalTest {

  /** Scheduling slack on a busy 2-core machine; a hang would exceed it by orders of magnitude. */
  private static final long SLACK_MS = 1_000;
  private static final ValidateSettings VALIDATE = new ValidateSettings(5, 20, 5, 50, 2, 3_000);

  private LocalStub stub;

  @BeforeEach
  void start() {
    stub = new LocalStub();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void validateFlowsThrough503BurstsEndVerifiedOrUnavailable() throws Exception {
    stub.putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"unavailableRate\":0.6}}},"
        + "\"faults\":{\"retryAfterSeconds\":0},\"ironvest\":{\"processingCalls\":1,\"retryAfterMs\":5}}");

    List<Outcome> outcomes = validateFlows(40, "burst");

    assertThat(outcomes).extracting(Outcome::kind)
        .containsAnyOf(Outcome.Kind.VERIFIED, Outcome.Kind.UNAVAILABLE)
        .allMatch(kind -> kind == Outcome.Kind.VERIFIED || kind == Outcome.Kind.UNAVAILABLE);
    assertThat(outcomes).allMatch(outcome -> withinDeadline(outcome, VALIDATE.deadlineMs()));
  }

  @Test
  void validateFlowsThroughConnectionResetsEndVerifiedOrUnreachable() throws Exception {
    stub.putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"resetRate\":0.3}}},"
        + "\"ironvest\":{\"processingCalls\":1,\"retryAfterMs\":5}}");

    List<Outcome> outcomes = validateFlows(40, "reset");

    assertThat(outcomes).extracting(Outcome::kind)
        .allMatch(kind -> kind == Outcome.Kind.VERIFIED || kind == Outcome.Kind.UNREACHABLE);
    assertThat(outcomes).allMatch(outcome -> withinDeadline(outcome, VALIDATE.deadlineMs()));
  }

  @Test
  void anAnswerSlowerThanTheDeadlineEndsAtTheDeadlineNotLater() throws Exception {
    stub.putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"stallRate\":1.0}}},"
        + "\"faults\":{\"stallMs\":20000}}");
    ValidateSettings settings = new ValidateSettings(5, 20, 5, 50, 2, 800);

    Outcome outcome = new IronVestValidateLoop(stub.ironVest(), settings, Pause.SLEEP, new SplittableRandom(1))
        .run(body("stall-1"));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEADLINE);
    assertThat(withinDeadline(outcome, 800)).isTrue();
  }

  @Test
  void anAnswerSlowerThanTheRequestTimeoutEndsUnreachable() throws Exception {
    stub.putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"stallRate\":1.0}}},"
        + "\"faults\":{\"stallMs\":20000}}");
    IronVestClient impatient = new IronVestClient(new VendorHttp(Duration.ofMillis(300), null),
        stub.server.baseUrl(), LocalStub.ACME_KEY);

    Outcome outcome = new IronVestValidateLoop(impatient, VALIDATE, Pause.SLEEP, new SplittableRandom(1))
        .run(body("stall-2"));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.UNREACHABLE);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(VALIDATE.deadlineMs()));
  }

  @Test
  void aStubStoppedMidRunEndsTheValidateLoopInANamedFailure() {
    ValidateSettings settings = new ValidateSettings(5, 20, 5, 50, 2, 20_000);
    stopStubAfter(Duration.ofMillis(300));

    Outcome outcome = new IronVestValidateLoop(stub.ironVest(), settings, Pause.SLEEP, new SplittableRandom(1))
        .run(body("forever-p999999-r20"));

    // a request caught by the shutdown itself may get Jetty's 503 instead of a refused connection
    assertThat(outcome.kind()).isIn(Outcome.Kind.UNREACHABLE, Outcome.Kind.UNAVAILABLE, Outcome.Kind.PROTOCOL);
    assertThat(outcome.calls()).isGreaterThan(1);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(settings.deadlineMs()));
  }

  @Test
  void aStubStoppedMidRunEndsThePollLoopInANamedFailure() {
    CyberArkClient client = stub.cyberArk();
    CyberArkAnswer started = client.startAuthentication("load.p99999.stopped@idv.test");
    String sessionId = started.sessionId();
    client.send("Answer", sessionId, started.mechanism(0, "UP").orElseThrow().id(), LocalStub.PASSWORD);
    String push = started.mechanism(1, "OTP").orElseThrow().id();
    client.send("StartOOB", sessionId, push, null);
    stopStubAfter(Duration.ofMillis(300));

    Outcome outcome = new CyberArkPollLoop(client, new PollSettings(20, 20_000), Pause.SLEEP).run(sessionId, push);

    // a request caught by the shutdown itself may get Jetty's 503 page instead of a refused connection
    assertThat(outcome.kind()).isIn(Outcome.Kind.UNREACHABLE, Outcome.Kind.PROTOCOL);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(20_000));
  }

  @Test
  void pollsAnswered503EndAsAProtocolFailureNotAHang() throws Exception {
    CyberArkClient client = stub.cyberArk();
    CyberArkAnswer started = client.startAuthentication("load.p99999.faulted@idv.test");
    String sessionId = started.sessionId();
    client.send("Answer", sessionId, started.mechanism(0, "UP").orElseThrow().id(), LocalStub.PASSWORD);
    String push = started.mechanism(1, "OTP").orElseThrow().id();
    client.send("StartOOB", sessionId, push, null);
    stub.putProfile("{\"endpoints\":{\"cyberark.SendIdentityVerification.Poll\":{\"faults\":{\"unavailableRate\":1.0}}}}");

    Outcome outcome = new CyberArkPollLoop(client, new PollSettings(20, 5_000), Pause.SLEEP).run(sessionId, push);

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PROTOCOL);
    assertThat(outcome.calls()).isEqualTo(1);
  }

  private List<Outcome> validateFlows(int count, String prefix) {
    List<Outcome> outcomes = new ArrayList<>();
    IronVestValidateLoop loop = new IronVestValidateLoop(stub.ironVest(), VALIDATE, Pause.SLEEP, new SplittableRandom(7));
    for (int i = 0; i < count; i++) {
      outcomes.add(loop.run(body(prefix + "-" + i + "-p1-r5")));
    }
    return outcomes;
  }

  private void stopStubAfter(Duration delay) {
    ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
    stopper.schedule(stub::close, delay.toMillis(), TimeUnit.MILLISECONDS);
    stopper.shutdown();
  }

  private static boolean withinDeadline(Outcome outcome, long deadlineMs) {
    return outcome.elapsed().toMillis() <= deadlineMs + SLACK_MS;
  }

  private static ObjectNode body(String csid) {
    return ValidateBody.of(LocalStub.ACME_CID, csid, "u-faults", "WireTransfer")
        .value("amount", new BigDecimal("35"), "amount").json();
  }
}
