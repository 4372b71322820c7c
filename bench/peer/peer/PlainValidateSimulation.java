package peer;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * An IronVest validate loop as a team writes it from the Gatling docs, against WireMock with static mappings: validate,
 * and while the answer is "processing" wait retryAfterMS and validate again (10 s at most). Not part of the product:
 * the peer of the harness's IronVestValidateSimulation in bench/run's peer row.
 */
public class PlainValidateSimulation extends Simulation {

  HttpProtocolBuilder protocol = http.baseUrl(PeerRun.BASE_URL).contentTypeHeader("application/json")
      .acceptHeader("application/json").header("apikey", "peer-key").disableWarmUp().shareConnections();

  ScenarioBuilder validate = scenario("IronVest validate").exec(
      exec(session -> session.set("processing", true).set("userId", session.userId())),
      asLongAsDuring(session -> session.getBoolean("processing"), Duration.ofSeconds(10)).on(
          exec(http("validate").post("/v1/validate")
              .body(StringBody("{\"cid\":\"acme-bank\",\"csid\":\"peer-#{userId}\",\"uid\":\"u1\","
                  + "\"additionalData\":{\"sessionData\":[]}}"))
              .check(status().is(200), jsonPath("$.errorMessage").optional().saveAs("error"),
                  jsonPath("$.retryAfterMS").ofInt().optional().saveAs("retryAfter"))),
          exec(PeerRun::called),
          exec(session -> session.set("processing", "processing".equals(session.getString("error")))
              .remove("error")),
          doIf(session -> session.getBoolean("processing")).then(
              pause(session -> Duration.ofMillis(session.contains("retryAfter") ? session.getInt("retryAfter") : 100)))),
      exec(session -> {
        (!session.isFailed() && !session.getBoolean("processing") ? PeerRun.VERDICTS : PeerRun.FAILED)
            .incrementAndGet();
        return session;
      }));

  {
    setUp(validate.injectOpen(PeerRun.injection()).protocols(protocol));
  }

  @Override
  public void after() {
    PeerRun.print("PlainValidateSimulation");
  }
}
