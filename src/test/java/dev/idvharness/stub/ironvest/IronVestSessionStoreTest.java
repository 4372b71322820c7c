package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.TestProfiles.liveSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.TestProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Csids live in a bounded, expiring store (profile {@code sessions}): each test has a server of its own. */
class IronVestSessionStoreTest {

  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final ValidateCalls ironVest = new ValidateCalls(stub);

  @Test
  void anIdleCsidStartsOverWithProcessing() {
    stub.admin().putProfile(TestProfiles.sessions(1000, 1));
    Validation validation = Validation.acme("p1");
    assertThat(ironVest.untilDecided(validation, 5)).hasSize(2);

    // wait through the admin stats: a call on the csid itself would keep it alive
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> liveSessions(stub, "ironvest") == 0);

    assertThat(ValidateCalls.isProcessing(ironVest.validate(validation))).isTrue();
  }

  @Test
  void theStoreKeepsNoMoreCsidsThanItsMaximum() {
    stub.admin().putProfile(TestProfiles.sessions(50, 600));
    for (int i = 0; i < 500; i++) {
      ironVest.validate(Validation.acme("p5"));
    }

    // a full store trims itself to nine tenths; the admin count may lag behind a racing trim for a moment
    await().atMost(Duration.ofSeconds(10)).untilAsserted(
        () -> assertThat(liveSessions(stub, "ironvest")).isBetween(1L, 50L));
  }
}
