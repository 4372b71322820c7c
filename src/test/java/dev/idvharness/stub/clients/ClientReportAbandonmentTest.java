package dev.idvharness.stub.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.SessionStates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Abandonment judged on the report's own clock: a session still waiting past its window is abandoned where its last
 * call was answered, and nowhere else; a store that cannot say leaves the judgement for the next sweep.
 */
class ClientReportAbandonmentTest {

  private final AtomicLong now = new AtomicLong(10_000);
  private final ClientReport report = new ClientReport(now::get);
  private final List<String> asked = new ArrayList<>();

  /** One "processing" answer for csid {@code session} of acme-bank, hint 50 ms: due within the one-second floor. */
  private void processing(String session) {
    ClientCall call = new ClientCall("ironvest", "ironvest.validate", "test");
    call.client("acme-bank");
    call.session(session);
    call.awaits(50);
    report.record(call, Reply.ok(Json.object().put("errorMessage", "processing")), now.get(), 0);
  }

  private long abandoned() {
    for (JsonNode client : report.toJson().path("clients")) {
      for (JsonNode finding : client.path("findings")) {
        if (finding.path("kind").asText().equals("abandoned")) {
          return finding.path("count").asLong();
        }
      }
    }
    return 0;
  }

  @Test
  void inOneProcessAWaitingSessionIsAbandonedOnlyOnceItsWindowIsOver() {
    processing("csid-1");

    now.addAndGet(ClientReport.MIN_ABANDON_MS);
    assertThat(abandoned()).as("at the end of its window, not yet").isZero();
    now.addAndGet(1);
    assertThat(abandoned()).isEqualTo(1);
    now.addAndGet(60_000);
    assertThat(abandoned()).as("counted once").isEqualTo(1);
  }

  @Test
  void aSessionWhoseNextCallWentToAnotherReplicaIsNotAbandonedHere() {
    report.judgeAbandonmentBy((vendor, session) -> {
      asked.add(vendor + ":" + session);
      return session.equals("stayed-here");
    });
    processing("moved-on");
    processing("stayed-here");

    now.addAndGet(ClientReport.MIN_ABANDON_MS + 1);

    assertThat(abandoned()).as("only the session whose last call this replica answered").isEqualTo(1);
    assertThat(asked).containsExactlyInAnyOrder("ironvest:moved-on", "ironvest:stayed-here");
    assertThat(abandoned()).as("each judged once").isEqualTo(1);
    assertThat(asked).hasSize(2);
  }

  @Test
  void aStoreThatCannotAnswerLeavesTheJudgementForTheNextSweep() {
    boolean[] away = {true};
    report.judgeAbandonmentBy((vendor, session) -> {
      if (away[0]) {
        throw new SessionStates.Unavailable("store away");
      }
      return true;
    });
    processing("csid-2");
    now.addAndGet(ClientReport.MIN_ABANDON_MS + 1);

    assertThat(abandoned()).isZero();
    away[0] = false;
    assertThat(abandoned()).isEqualTo(1);
  }

  @Test
  void aSessionCalledAgainHereIsNoLongerWaiting() {
    processing("csid-3");
    now.addAndGet(500);
    ClientCall decided = new ClientCall("ironvest", "ironvest.validate", "test");
    decided.client("acme-bank");
    decided.session("csid-3");
    report.record(decided, Reply.ok(Json.object().put("success", true)), now.get(), 0);

    now.addAndGet(60_000);

    assertThat(abandoned()).isZero();
  }
}
