package dev.idvharness.stub;

import static dev.idvharness.stub.StubHttp.CYBERARK_SEND;
import static dev.idvharness.stub.StubHttp.CYBERARK_START;
import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 500 live sessions at once, polled in interleaved concurrent rounds, each with its own processing count or
 * approval time: every session must see exactly its own sequence, whatever the others do.
 */
class StubConcurrencyTest {

  private static final int SESSIONS_PER_VENDOR = 250;

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final StubHttp http = new StubHttp(stub);
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(32);
  }

  @AfterAll
  static void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void everySessionSeesExactlyItsOwnSequence() throws Exception {
    List<Flow> flows = new ArrayList<>();
    for (int i = 0; i < SESSIONS_PER_VENDOR; i++) {
      flows.add(i % 5 == 4 ? new ConcurrentCyberArkFlow(i, null, 100 + (i % 3) * 100L) : new ConcurrentCyberArkFlow(i, i % 5, null));
      flows.add(new ConcurrentIronVestFlow(i, i % 6));
    }
    runConcurrently(flows, Flow::open);

    List<Flow> open = new ArrayList<>(flows);
    open.removeIf(Flow::decided);
    for (int round = 0; !open.isEmpty() && round < 200; round++) {
      runConcurrently(open, Flow::step);
      open.removeIf(Flow::decided);
      Thread.sleep(10);
    }

    assertThat(open).as("flows still undecided").isEmpty();
    for (Flow flow : flows) {
      flow.verify();
    }
    assertThat(stub.admin().stats().at("/liveSessions/cyberark").asLong())
        .isEqualTo(SESSIONS_PER_VENDOR);
  }

  private static void runConcurrently(List<Flow> flows, FlowStep step) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    List<Flow> shuffled = new ArrayList<>(flows);
    Collections.shuffle(shuffled);
    for (Flow flow : shuffled) {
      futures.add(pool.submit(() -> {
        step.run(flow);
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
  }

  @FunctionalInterface
  private interface FlowStep {
    void run(Flow flow) throws Exception;
  }

  private interface Flow {
    void open();

    void step();

    boolean decided();

    void verify();
  }

  /** Password, then push: N pending polls (load.p<N>) or approval after T ms (load.t<T>), then LoginSuccess. */
  private static final class ConcurrentCyberArkFlow implements Flow {
    private final String login;
    private final Integer pendingPolls;
    private final Long approveAfterMs;
    private final List<String> summaries = new ArrayList<>();
    private final List<Long> pendingSentAfterStartMs = new ArrayList<>();
    private String sessionId;
    private String pushId;
    private long startSentAt;
    private long startAnsweredAt;
    private long approvedAfterMs = -1;

    ConcurrentCyberArkFlow(int index, Integer pendingPolls, Long approveAfterMs) {
      this.pendingPolls = pendingPolls;
      this.approveAfterMs = approveAfterMs;
      this.login = "load." + (pendingPolls != null ? "p" + pendingPolls : "t" + approveAfterMs) + ".c" + index + "@idv.test";
    }

    @Override
    public void open() {
      JsonNode started = http.postJson(CYBERARK_START, json("{'TenantId':'ABC1234','User':'" + login + "'}"));
      JsonNode data = started.at("/Result/ReturnData");
      sessionId = data.get("SessionId").asText();
      String passwordId = data.at("/Challenges/0/Mechanisms/0/MechanismId").asText();
      pushId = data.at("/Challenges/1/Mechanisms/0/MechanismId").asText();
      String password = stub.data().passwordOf(login);
      assertThat(send("Answer", passwordId, password).at("/Result/Summary").asText()).isEqualTo("StartNextChallenge");
      startSentAt = System.currentTimeMillis();
      assertThat(send("StartOOB", pushId, null).at("/Result/Summary").asText()).isEqualTo("OobPending");
      startAnsweredAt = System.currentTimeMillis();
    }

    @Override
    public void step() {
      long sentAt = System.currentTimeMillis();
      String summary = send("Poll", pushId, null).at("/Result/Summary").asText();
      summaries.add(summary);
      if (summary.equals("OobPending")) {
        pendingSentAfterStartMs.add(sentAt - startAnsweredAt);
      } else {
        approvedAfterMs = System.currentTimeMillis() - startSentAt;
      }
    }

    @Override
    public boolean decided() {
      return !summaries.isEmpty() && !summaries.get(summaries.size() - 1).equals("OobPending");
    }

    @Override
    public void verify() {
      assertThat(summaries.get(summaries.size() - 1)).as(login).isEqualTo("LoginSuccess");
      if (pendingPolls != null) {
        List<String> expected = new ArrayList<>(Collections.nCopies(pendingPolls, "OobPending"));
        expected.add("LoginSuccess");
        assertThat(summaries).as(login).isEqualTo(expected);
      } else {
        // bounds that hold whatever the scheduling: approval came no sooner than T, pending polls were sent before T
        assertThat(approvedAfterMs).as(login).isGreaterThanOrEqualTo(approveAfterMs);
        assertThat(pendingSentAfterStartMs).as(login).allMatch(ms -> ms < approveAfterMs);
      }
    }

    private JsonNode send(String action, String mechanismId, String answer) {
      String answerField = answer == null ? "" : "'Answer':'" + answer + "',";
      return http.postJson(CYBERARK_SEND, json("{'Action':'" + action + "'," + answerField + "'MechanismId':'"
          + mechanismId + "','SessionId':'" + sessionId + "','TenantId':'ABC1234'}"));
    }
  }

  /** A csid with p<N>: exactly N "processing" answers, then its verdict. */
  private static final class ConcurrentIronVestFlow implements Flow {
    private final String csid;
    private final int processing;
    private final List<String> answers = new ArrayList<>();

    ConcurrentIronVestFlow(int index, int processing) {
      this.processing = processing;
      this.csid = "conc-" + index + "-p" + processing;
    }

    @Override
    public void open() {
      step();
    }

    @Override
    public void step() {
      JsonNode answer = http.postJson(IRONVEST_VALIDATE, json("{'cid':'acme-bank','csid':'" + csid
          + "','uid':'u-" + csid + "','additionalData':{'sessionData':[{'key':'amount','value':35}]}}"),
          "apikey", stub.data().requireApiKeyOf("acme-bank"));
      answers.add(answer.has("verifiedAction") ? "verified=" + answer.get("verifiedAction").asBoolean()
          : answer.path("errorMessage").asText());
    }

    @Override
    public boolean decided() {
      return !answers.get(answers.size() - 1).equals("processing");
    }

    @Override
    public void verify() {
      List<String> expected = new ArrayList<>(Collections.nCopies(processing, "processing"));
      expected.add("verified=true");
      assertThat(answers).as(csid).isEqualTo(expected);
    }
  }
}
