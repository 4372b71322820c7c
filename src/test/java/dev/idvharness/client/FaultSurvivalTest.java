package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The loops under injected faults (503 bursts, connection resets, answers slower than the client's timeout, a stub
 * stopped mid-run): every flow ends in a verdict or a named failure, and none outlives its deadline. Each test has a
 * stub of its own, which it may stop.
 */
class FaultSurvivalTest {

  /** Scheduling slack on a busy 2-core machine; a hang would exceed it by orders of magnitude. */
  private static final long SLACK_MS = 1_000;
  private static final ValidateSettings VALIDATE = new ValidateSettings(5, 20, 5, 50, 2, 3_000);
  private static final String CID = "acme-bank";
  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final VendorHttp http = new VendorHttp(Duration.ofSeconds(10), null);

  @Test
  void validateFlowsThrough503BurstsEndVerifiedOrUnavailable() {
    stub.admin().putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"unavailableRate\":0.6}}},"
        + "\"faults\":{\"retryAfterSeconds\":0},\"ironvest\":{\"processingCalls\":1,\"retryAfterMs\":5}}");

    List<Outcome> outcomes = validateFlows(40, "burst");

    assertThat(outcomes).extracting(Outcome::kind)
        .containsAnyOf(Outcome.Kind.VERIFIED, Outcome.Kind.UNAVAILABLE)
        .allMatch(kind -> kind == Outcome.Kind.VERIFIED || kind == Outcome.Kind.UNAVAILABLE);
    assertThat(outcomes).allMatch(outcome -> withinDeadline(outcome, VALIDATE.deadlineMs()));
  }

  @Test
  void validateFlowsThroughConnectionResetsEndVerifiedOrUnreachable() {
    stub.admin().putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"resetRate\":0.3}}},"
        + "\"ironvest\":{\"processingCalls\":1,\"retryAfterMs\":5}}");

    List<Outcome> outcomes = validateFlows(40, "reset");

    assertThat(outcomes).extracting(Outcome::kind)
        .allMatch(kind -> kind == Outcome.Kind.VERIFIED || kind == Outcome.Kind.UNREACHABLE);
    assertThat(outcomes).allMatch(outcome -> withinDeadline(outcome, VALIDATE.deadlineMs()));
  }

  @Test
  void anAnswerSlowerThanTheDeadlineEndsAtTheDeadlineNotLater() {
    stub.admin().putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"stallRate\":1.0}}},"
        + "\"faults\":{\"stallMs\":20000}}");
    ValidateSettings settings = new ValidateSettings(5, 20, 5, 50, 2, 800);

    Outcome outcome = new IronVestValidateLoop(ironVest(http), settings, Pause.SLEEP, new SplittableRandom(1))
        .run(body("stall-1"));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEADLINE);
    assertThat(withinDeadline(outcome, 800)).isTrue();
  }

  @Test
  void anAnswerSlowerThanTheRequestTimeoutEndsUnreachable() {
    stub.admin().putProfile("{\"endpoints\":{\"ironvest.validate\":{\"faults\":{\"stallRate\":1.0}}},"
        + "\"faults\":{\"stallMs\":20000}}");
    IronVestClient impatient = ironVest(new VendorHttp(Duration.ofMillis(300), null));

    Outcome outcome = new IronVestValidateLoop(impatient, VALIDATE, Pause.SLEEP, new SplittableRandom(1))
        .run(body("stall-2"));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.UNREACHABLE);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(VALIDATE.deadlineMs()));
  }

  @Test
  void aStubStoppedMidRunEndsTheValidateLoopInANamedFailure() {
    ValidateSettings settings = new ValidateSettings(5, 20, 5, 50, 2, 20_000);
    IronVestValidateLoop loop = new IronVestValidateLoop(ironVest(http), settings, Pause.SLEEP, new SplittableRandom(1));
    stopStubAfter(Duration.ofMillis(300));

    Outcome outcome = loop.run(body("forever-p999999-r20"));

    // a request caught by the shutdown itself may get Jetty's 503 instead of a refused connection
    assertThat(outcome.kind()).isIn(Outcome.Kind.UNREACHABLE, Outcome.Kind.UNAVAILABLE, Outcome.Kind.PROTOCOL);
    assertThat(outcome.calls()).isGreaterThan(1);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(settings.deadlineMs()));
  }

  @Test
  void aStubStoppedMidRunEndsThePollLoopInANamedFailure() {
    CyberArkClient client = cyberArk();
    PushStarted push = startPush(client, "load.p99999.stopped@idv.test");
    stopStubAfter(Duration.ofMillis(300));

    Outcome outcome = new CyberArkPollLoop(client, new PollSettings(20, 20_000), Pause.SLEEP)
        .run(push.sessionId(), push.mechanismId());

    // a request caught by the shutdown itself may get Jetty's 503 page instead of a refused connection
    assertThat(outcome.kind()).isIn(Outcome.Kind.UNREACHABLE, Outcome.Kind.PROTOCOL);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofMillis(20_000));
  }

  @Test
  void pollsAnswered503EndAsAProtocolFailureNotAHang() {
    CyberArkClient client = cyberArk();
    PushStarted push = startPush(client, "load.p99999.faulted@idv.test");
    stub.admin().putProfile(
        "{\"endpoints\":{\"cyberark.SendIdentityVerification.Poll\":{\"faults\":{\"unavailableRate\":1.0}}}}");

    Outcome outcome = new CyberArkPollLoop(client, new PollSettings(20, 5_000), Pause.SLEEP)
        .run(push.sessionId(), push.mechanismId());

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PROTOCOL);
    assertThat(outcome.calls()).isEqualTo(1);
  }

  /** A session whose push (OTP) was started after the password: what a poll loop starts from. */
  private record PushStarted(String sessionId, String mechanismId) {}

  private PushStarted startPush(CyberArkClient client, String user) {
    CyberArkAnswer started = client.startAuthentication(user);
    String sessionId = started.sessionId();
    client.send("Answer", sessionId, started.mechanism(0, "UP").orElseThrow().id(), stub.data().passwordOf(user));
    String push = started.mechanism(1, "OTP").orElseThrow().id();
    client.send("StartOOB", sessionId, push, null);
    return new PushStarted(sessionId, push);
  }

  private List<Outcome> validateFlows(int count, String prefix) {
    List<Outcome> outcomes = new ArrayList<>();
    IronVestValidateLoop loop = new IronVestValidateLoop(ironVest(http), VALIDATE, Pause.SLEEP, new SplittableRandom(7));
    for (int i = 0; i < count; i++) {
      outcomes.add(loop.run(body(prefix + "-" + i + "-p1-r5")));
    }
    return outcomes;
  }

  private CyberArkClient cyberArk() {
    return new CyberArkClient(http, stub.baseUrl(), stub.data().defaultTenantId());
  }

  private IronVestClient ironVest(VendorHttp http) {
    return new IronVestClient(http, stub.baseUrl(), stub.data().requireApiKeyOf(CID));
  }

  private void stopStubAfter(Duration delay) {
    ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
    stopper.schedule(stub::stop, delay.toMillis(), TimeUnit.MILLISECONDS);
    stopper.shutdown();
  }

  private static boolean withinDeadline(Outcome outcome, long deadlineMs) {
    return outcome.elapsed().toMillis() <= deadlineMs + SLACK_MS;
  }

  private static ObjectNode body(String csid) {
    return ValidateBody.of(CID, csid, "u-faults", "WireTransfer")
        .value("amount", new BigDecimal("35"), "amount").json();
  }
}
