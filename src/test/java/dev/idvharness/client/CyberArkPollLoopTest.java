package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.junit.IdvStubExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each branch of the poll loop against the real stub server, driven by the stub's user conventions. */
class CyberArkPollLoopTest {

  private static final VendorHttp HTTP = new VendorHttp(Duration.ofSeconds(10), null);

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final CyberArkClient client = new CyberArkClient(HTTP, stub.baseUrl(), stub.data().defaultTenantId());

  @Test
  void pollsUntilTheUserApprovesThenReportsTheNextSummary() {
    Outcome outcome = poll("mfa.push@idv.test", new PollSettings(10, 5_000));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PASSED);
    assertThat(outcome.detail()).isEqualTo("LoginSuccess");
    // mfa.push answers OobPending to 2 polls, then passes: 3 polls, 2 waits of one interval each
    assertThat(outcome.calls()).isEqualTo(3);
    assertThat(outcome.waitsMs()).containsExactly(10L, 10L);
  }

  @Test
  void aDenialEndsTheLoopAsDenied() {
    Outcome outcome = poll("mfa.deny@idv.test", new PollSettings(10, 5_000));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DENIED);
    assertThat(outcome.detail()).isEqualTo("Failure");
    assertThat(outcome.calls()).isEqualTo(2);
  }

  @Test
  void aUserWhoNeverActsEndsAtTheDeadline() {
    Outcome outcome = poll("load.p99999.never@idv.test", new PollSettings(20, 150));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEADLINE);
    assertThat(outcome.calls()).isGreaterThan(1);
    assertThat(outcome.waitsMs()).allMatch(wait -> wait == 20L);
  }

  @Test
  void aGeneratedUserApprovesAfterItsOwnPollCount() {
    Outcome outcome = poll("load.p4.loop@idv.test", new PollSettings(5, 5_000));

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PASSED);
    assertThat(outcome.calls()).isEqualTo(5);
  }

  /** Password first, then StartOOB on the push mechanism (OTP), then the loop. */
  private Outcome poll(String user, PollSettings settings) {
    CyberArkAnswer started = client.startAuthentication(user);
    String sessionId = started.sessionId();
    String password = started.mechanism(0, "UP").orElseThrow().id();
    assertThat(client.send("Answer", sessionId, password, stub.data().passwordOf(user)).summary())
        .isEqualTo("StartNextChallenge");
    String push = started.mechanism(1, "OTP").orElseThrow().id();
    assertThat(client.send("StartOOB", sessionId, push, null).summary()).isEqualTo("OobPending");
    return new CyberArkPollLoop(client, settings, Pause.SLEEP).run(sessionId, push);
  }
}
