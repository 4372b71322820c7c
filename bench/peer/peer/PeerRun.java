package peer;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The injection both sides of the peer row share (system properties), and the verdict count bench/run reads. */
final class PeerRun {

  static final String BASE_URL = System.getProperty("peer.baseUrl", "http://127.0.0.1:8089");
  static final double RATE = Double.parseDouble(System.getProperty("peer.usersPerSec", "300"));
  static final int RAMP = Integer.getInteger("peer.rampSeconds", 10);
  static final int HOLD = Integer.getInteger("peer.durationSeconds", 60);
  static final AtomicLong VERDICTS = new AtomicLong();
  static final AtomicLong FAILED = new AtomicLong();
  static final AtomicLong CALLS = new AtomicLong();

  private PeerRun() {
  }

  static List<OpenInjectionStep> injection() {
    return List.of(rampUsersPerSec(0).to(RATE).during(RAMP), constantUsersPerSec(RATE).during(HOLD));
  }

  /** Counts one request of a flow (Gatling's own counts are in its report, which bench/run does not parse). */
  static io.gatling.javaapi.core.Session called(io.gatling.javaapi.core.Session session) {
    CALLS.incrementAndGet();
    return session;
  }

  /** One line for bench/run: what a plain simulation would read off Gatling's report. */
  static void print(String simulation) {
    System.out.println("PEER {\"simulation\":\"" + simulation + "\",\"verdicts\":" + VERDICTS.get() + ",\"failed\":"
        + FAILED.get() + ",\"calls\":" + CALLS.get() + "}");
  }
}
