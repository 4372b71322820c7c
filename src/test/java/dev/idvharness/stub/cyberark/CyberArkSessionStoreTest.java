package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.TestProfiles.liveSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.TestProfiles;
import dev.idvharness.stub.cyberark.CyberArkDriver.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions live in a bounded, expiring store (profile {@code sessions}): each test has a server of its own. */
class CyberArkSessionStoreTest {

  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @Test
  void anIdleSessionExpires() {
    stub.admin().putProfile(TestProfiles.sessions(1000, 1));
    Session session = cyberArk.start("password.only@idv.test");

    // wait through the admin stats: a call on the session itself would keep it alive
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> liveSessions(stub, "cyberark") == 0);

    assertThat(CyberArkEnvelope.rejected(cyberArk.passPassword(session))).containsIgnoringCase("expired");
  }

  @Test
  void theStoreKeepsNoMoreSessionsThanItsMaximum() {
    stub.admin().putProfile(TestProfiles.sessions(50, 600));
    for (int i = 0; i < 500; i++) {
      cyberArk.start("load.user" + i + "@idv.test");
    }

    // a full store trims itself to nine tenths; the admin count may lag behind a racing trim for a moment
    await().atMost(Duration.ofSeconds(10)).untilAsserted(
        () -> assertThat(liveSessions(stub, "cyberark")).isBetween(1L, 50L));
  }
}
