package dev.idvharness.stub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.IronVestValidateLoop;
import dev.idvharness.client.Outcome;
import dev.idvharness.client.Pause;
import dev.idvharness.client.ValidateBody;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stub replicas on one real Redis, behind one round-robin address: every call of a flow lands on the other
 * replica than the call before, and the flow still reaches its verdict; one session changed by both at once stays
 * consistent; a store that goes away gives the vendors' 503s, and the replicas recover when it is back.
 */
class SharedSessionStoreTest {

  private static final Path STUBS = Path.of("stubs");
  private static final StubData DATA = StubData.load(STUBS);
  private static final ValidateSettings FAST_VALIDATE = new ValidateSettings(4, 40, 1, 50, 3, 30_000);

  private static RedisProcess redis;
  private static final List<StubServer> replicas = new ArrayList<>();
  private static RoundRobinFront front;
  private static final VendorHttp HTTP = new VendorHttp(Duration.ofSeconds(10), null);

  @BeforeAll
  static void startTwoReplicasOnOneStore() throws Exception {
    redis = RedisProcess.start();
    for (int i = 0; i < 2; i++) {
      replicas.add(StubServer.start(StubOptions.options().port(0).rootDir(STUBS)
          .profile(STUBS.resolve("profiles/none.json")).sessionStore(redis.uri()).build()));
    }
    front = new RoundRobinFront(replicas.stream().map(StubServer::baseUrl).toList());
  }

  @AfterAll
  static void stop() {
    if (front != null) {
      front.close();
    }
    replicas.forEach(StubServer::close);
    if (redis != null) {
      redis.close();
    }
  }

  private static CyberArkClient cyberArk() {
    return new CyberArkClient(HTTP, front.baseUrl(), "ABC1234");
  }

  private static String password(String login) {
    return DATA.user(login).orElseThrow().password();
  }

  @Test
  void aCyberArkLoginThatChangesReplicaOnEveryCallReachesLoginSuccess() {
    int before = front.served(0) + front.served(1);
    CyberArkClient client = cyberArk();
    CyberArkAnswer started = client.startAuthentication("mfa.push@idv.test");
    String session = started.sessionId();
    String passwordId = started.mechanism(0, "UP").orElseThrow().id();
    assertThat(client.send("Answer", session, passwordId, password("mfa.push@idv.test")).summary())
        .isEqualTo("StartNextChallenge");
    String otpId = started.mechanism(1, "OTP").orElseThrow().id();
    assertThat(client.send("StartOOB", session, otpId, null).summary()).isEqualTo("OobPending");
    // the user approves after two pending polls (stubs/data): each poll is counted once, wherever it lands
    assertThat(client.send("Poll", session, otpId, null).summary()).isEqualTo("OobPending");
    assertThat(client.send("Poll", session, otpId, null).summary()).isEqualTo("OobPending");
    assertThat(client.send("Poll", session, otpId, null).summary()).isEqualTo("LoginSuccess");
    assertThat(front.served(0) + front.served(1) - before).isEqualTo(6);
    assertThat(Math.abs(front.served(0) - front.served(1))).as("the calls alternated").isLessThanOrEqualTo(1);
  }

  @Test
  void anIronVestFlowThatChangesReplicaOnEveryCallGetsItsDecisionAfterItsProcessingAnswers() {
    String key = DATA.apiKeyOf("acme-bank").orElseThrow();
    IronVestClient client = new IronVestClient(HTTP, front.baseUrl(), key);
    Outcome outcome = new IronVestValidateLoop(client, FAST_VALIDATE, Pause.SLEEP, new SplittableRandom(7))
        .run(ValidateBody.of("acme-bank", "replicas-p3-r5-" + UUID.randomUUID(), "user-1", "WireTransfer").json());

    assertThat(outcome.kind().isVerdict()).as(outcome.toString()).isTrue();
    assertThat(outcome.calls()).as("three 'processing' answers, then the decision").isEqualTo(4);
  }

  @Test
  void oneSessionPolledByManyClientsOnBothReplicasAtOnceCountsEachPendingPollOnce() throws Exception {
    CyberArkClient client = cyberArk();
    CyberArkAnswer started = client.startAuthentication("mfa.push@idv.test");
    String session = started.sessionId();
    client.send("Answer", session, started.mechanism(0, "UP").orElseThrow().id(), password("mfa.push@idv.test"));
    String otpId = started.mechanism(1, "OTP").orElseThrow().id();
    client.send("StartOOB", session, otpId, null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> polls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      polls.add(pool.submit(() -> cyberArk().send("Poll", session, otpId, null).summary()));
    }
    List<String> summaries = new ArrayList<>();
    for (Future<String> poll : polls) {
      summaries.add(poll.get());
    }
    pool.shutdown();
    // two pending polls, then the approval; the session has ended for every poll after it
    assertThat(summaries).filteredOn("OobPending"::equals).hasSize(2);
    assertThat(summaries).filteredOn("LoginSuccess"::equals).hasSize(1);
  }

  @Test
  void aStoreThatGoesAwayGivesTheVendorsOwn503AndTheReplicasRecoverWhenItIsBack() {
    String key = DATA.apiKeyOf("acme-bank").orElseThrow();
    IronVestClient ironVest = new IronVestClient(HTTP, front.baseUrl(), key);
    redis.kill();
    try {
      CyberArkAnswer refused = cyberArk().startAuthentication("mfa.push@idv.test");
      assertThat(refused.exchange().status()).isEqualTo(503);
      IronVestAnswer unavailable = ironVest.validate(
          ValidateBody.of("acme-bank", "down-p0-" + UUID.randomUUID(), "user-1", "WireTransfer").json());
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.exchange().responseBody()).doesNotContain("Exception", "<html");
    } finally {
      redis.startAgain();
    }
    // a request or two may still meet a connection broken by the outage; the pool drops those within a second or so
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(cyberArk().startAuthentication("mfa.push@idv.test").succeeded())
            .as("a new session once the store is back").isTrue());
    // and both replicas are back in the store's view (a reset reaches the replicas the store knows)
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(admin(0, "GET", "/__admin/idv/stats").path("replicas")).hasSize(2));
  }

  @Test
  void theAdminApiOfAnyReplicaShowsTheWholeAddedUpExactly() throws Exception {
    admin(0, "POST", "/__admin/idv/reset");
    String key = DATA.apiKeyOf("acme-bank").orElseThrow();
    new IronVestValidateLoop(new IronVestClient(HTTP, front.baseUrl(), key), FAST_VALIDATE, Pause.SLEEP,
        new SplittableRandom(3)).run(ValidateBody.of("acme-bank", "view-p4-r5-" + UUID.randomUUID(), "user-1",
            "WireTransfer").json());
    cyberArk().startAuthentication("mfa.push@idv.test");

    // each replica publishes its figures every quarter second: the whole is their sum once both have
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      JsonNode whole = admin(1, "GET", "/__admin/idv/stats");
      JsonNode first = admin(0, "GET", "/__admin/idv/stats/replica");
      JsonNode second = admin(1, "GET", "/__admin/idv/stats/replica");
      assertThat(whole.path("scope").asText()).isEqualTo("all replicas");
      assertThat(whole.path("replicas")).hasSize(2);
      for (String endpoint : List.of("ironvest.validate", "cyberark.StartAuthentication")) {
        for (String count : List.of("requests", "answersTimed")) {
          assertThat(whole.path("endpoints").path(endpoint).path(count).asLong()).as(endpoint + " " + count)
              .isEqualTo(first.path("endpoints").path(endpoint).path(count).asLong()
                  + second.path("endpoints").path(endpoint).path(count).asLong());
        }
      }
      assertThat(whole.path("endpoints").path("ironvest.validate").path("requests").asLong()).isEqualTo(5);
      assertThat(whole.path("endpoints").path("ironvest.validate").path("servedMs").path("max").asLong())
          .isEqualTo(Math.max(first.path("endpoints").path("ironvest.validate").path("servedMs").path("max").asLong(),
              second.path("endpoints").path("ironvest.validate").path("servedMs").path("max").asLong()));
    });
  }

  @Test
  void aResetOnOneReplicaHasResetEveryReplicaWhenItAnswers() throws Exception {
    cyberArk().startAuthentication("mfa.push@idv.test");
    cyberArk().startAuthentication("mfa.push@idv.test");

    admin(1, "POST", "/__admin/idv/stats/reset");

    for (int replica = 0; replica < 2; replica++) {
      assertThat(admin(replica, "GET", "/__admin/idv/stats/replica").path("endpoints").path(
          "cyberark.StartAuthentication").path("requests").asLong()).as("replica " + replica).isZero();
    }
  }

  @Test
  void theClientReportOfAnyReplicaCountsWhatTheClientDidOnEveryReplica() throws Exception {
    admin(0, "POST", "/__admin/idv/reset");
    IronVestClient wrongKey = new IronVestClient(HTTP, front.baseUrl(), "not-a-key-" + UUID.randomUUID());
    for (int i = 0; i < 4; i++) {
      wrongKey.validate(ValidateBody.of("acme-bank", "report-p0-" + UUID.randomUUID(), "user-1", "WireTransfer")
          .json());
    }

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      JsonNode acme = null;
      for (JsonNode client : admin(0, "GET", "/__admin/idv/clients").path("clients")) {
        if (client.path("client").asText().equals("acme-bank")) {
          acme = client;
        }
      }
      assertThat(acme).as("acme-bank in the merged report").isNotNull();
      assertThat(acme.path("calls").asLong()).isEqualTo(4);
      assertThat(acme.path("findings")).anySatisfy(finding -> {
        assertThat(finding.path("kind").asText()).isEqualTo("refused");
        assertThat(finding.path("count").asLong()).as("two refusals on each replica").isEqualTo(4);
      });
      assertThat(acme.path("findings")).noneSatisfy(finding ->
          assertThat(finding.path("kind").asText()).isEqualTo("abandoned"));
    });
  }

  @Test
  void aSessionLeftWaitingIsAbandonedOnceAndOneThatMovedToTheOtherReplicaIsNot() throws Exception {
    admin(0, "POST", "/__admin/idv/reset");
    IronVestClient client = new IronVestClient(HTTP, front.baseUrl(), DATA.apiKeyOf("acme-bank").orElseThrow());
    // every call of this flow lands on the other replica than the one before: each "processing" it was answered
    // is followed by a call elsewhere
    Outcome moved = new IronVestValidateLoop(client, FAST_VALIDATE, Pause.SLEEP, new SplittableRandom(11))
        .run(ValidateBody.of("acme-bank", "moved-p3-r5-" + UUID.randomUUID(), "user-1", "WireTransfer").json());
    assertThat(moved.calls()).isEqualTo(4);
    // started after the moved flow ended, so due after each of its waits: one "processing", then no call at all
    String left = "left-p3-r5-" + UUID.randomUUID();
    assertThat(client.validate(ValidateBody.of("acme-bank", left, "user-1", "WireTransfer").json()).kind())
        .isEqualTo(IronVestAnswer.Kind.PROCESSING);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      JsonNode abandoned = null;
      for (JsonNode reported : admin(1, "GET", "/__admin/idv/clients").path("clients")) {
        for (JsonNode finding : reported.path("findings")) {
          if (reported.path("client").asText().equals("acme-bank")
              && finding.path("kind").asText().equals("abandoned")) {
            abandoned = finding;
          }
        }
      }
      assertThat(abandoned).as("the session left waiting, in the merged report").isNotNull();
      // judged after every wait of the moved flow was due: had any of them counted, this would be above one
      assertThat(abandoned.path("count").asLong()).as(abandoned.toString()).isEqualTo(1);
      assertThat(abandoned.path("example").path("session").asText()).contains("left-p3-r5-");
    });
  }

  private static JsonNode admin(int replica, String method, String path) throws Exception {
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(replicas.get(replica).baseUrl() + path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
    return dev.idvharness.json.HarnessJson.MAPPER.readTree(answer.body());
  }
}
