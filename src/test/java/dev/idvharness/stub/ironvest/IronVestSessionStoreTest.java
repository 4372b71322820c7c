package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.TestProfiles.liveSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.idvharness.stub.TestProfiles;
import dev.idvharness.stub.StubHttp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Csids live in a bounded, expiring store (profile {@code sessions}): each test starts its own server. */
class IronVestSessionStoreTest {

  @TempDir Path dir;

  @Test
  void anIdleCsidStartsOverWithProcessing() {
    try (StubHttp http = TestProfiles.start(dir, TestProfiles.sessions(1000, 1))) {
      IronVestClient ironVest = new IronVestClient(http);
      Validation validation = Validation.acme("p1");
      assertThat(ironVest.untilDecided(validation, 5)).hasSize(2);

      // wait through the admin stats: a call on the csid itself would keep it alive
      await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
          .until(() -> liveSessions(http, "ironvest") == 0);

      assertThat(IronVestClient.isProcessing(ironVest.validate(validation))).isTrue();
    }
  }

  @Test
  void theStoreKeepsNoMoreCsidsThanItsMaximum() {
    try (StubHttp http = TestProfiles.start(dir, TestProfiles.sessions(50, 600))) {
      IronVestClient ironVest = new IronVestClient(http);
      for (int i = 0; i < 500; i++) {
        ironVest.validate(Validation.acme("p5"));
      }

      // Caffeine evicts asynchronously, so the count may lag behind for a moment
      await().atMost(Duration.ofSeconds(10)).untilAsserted(
          () -> assertThat(liveSessions(http, "ironvest")).isBetween(1L, 50L));
    }
  }
}
