package peer;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
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
 * A CyberArk push login as a team writes it from the Gatling docs, against WireMock with static mappings: start,
 * answer the password, start the push, poll every 100 ms until LoginSuccess (10 s at most). Not part of the product:
 * the peer of the harness's CyberArkVerificationSimulation in bench/run's peer row.
 */
public class PlainPollSimulation extends Simulation {

  private static final String SEND = "/CDirectoryService/SendIdentityVerification";

  HttpProtocolBuilder protocol = http.baseUrl(PeerRun.BASE_URL).contentTypeHeader("application/json")
      .acceptHeader("application/json").disableWarmUp().shareConnections();

  ScenarioBuilder login = scenario("CyberArk push login").exec(
      exec(session -> session.set("userId", session.userId())),
      http("StartAuthentication").post("/CDirectoryService/StartAuthentication")
          .body(StringBody("{\"TenantId\":\"ABC1234\",\"User\":\"peer#{userId}@example.com\"}"))
          .check(status().is(200), jsonPath("$.Result.ReturnData.SessionId").saveAs("sessionId"),
              jsonPath("$.Result.ReturnData.Challenges[0].Mechanisms[0].MechanismId").saveAs("password"),
              jsonPath("$.Result.ReturnData.Challenges[1].Mechanisms[0].MechanismId").saveAs("push")),
      exec(PeerRun::called),
      http("Answer").post(SEND)
          .body(StringBody("{\"Action\":\"Answer\",\"Answer\":\"not-a-secret\",\"MechanismId\":\"#{password}\","
              + "\"SessionId\":\"#{sessionId}\",\"TenantId\":\"ABC1234\"}"))
          .check(jsonPath("$.success").is("true")),
      exec(PeerRun::called),
      http("StartOOB").post(SEND)
          .body(StringBody("{\"Action\":\"StartOOB\",\"MechanismId\":\"#{push}\",\"SessionId\":\"#{sessionId}\","
              + "\"TenantId\":\"ABC1234\"}"))
          .check(jsonPath("$.Result.Summary").saveAs("summary")),
      exec(PeerRun::called),
      asLongAsDuring(session -> !"LoginSuccess".equals(session.getString("summary")), Duration.ofSeconds(10)).on(
          pause(Duration.ofMillis(100)),
          exec(http("Poll").post(SEND)
              .body(StringBody("{\"Action\":\"Poll\",\"MechanismId\":\"#{push}\",\"SessionId\":\"#{sessionId}\","
                  + "\"TenantId\":\"ABC1234\"}"))
              .check(jsonPath("$.Result.Summary").saveAs("summary"))),
          exec(PeerRun::called)),
      exec(session -> {
        (!session.isFailed() && "LoginSuccess".equals(session.getString("summary")) ? PeerRun.VERDICTS
            : PeerRun.FAILED).incrementAndGet();
        return session;
      }));

  {
    setUp(login.injectOpen(PeerRun.injection()).protocols(protocol));
  }

  @Override
  public void after() {
    PeerRun.print("PlainPollSimulation");
  }
}
