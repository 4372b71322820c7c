package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The CyberArk verification a client runs (contract section 3): StartAuthentication, Answer (password), StartOOB
 * (push), then Poll every {@code poll.intervalMs} until the Summary is no longer OobPending, or the deadline.
 * OobPending is not a failure; a deadline miss is one, named "deadline".
 */
public final class CyberArkFlow {

  public static final String NAME = "cyberark";
  public static final String GROUP = "CyberArkVerification";
  public static final List<String> REQUESTS = List.of("StartAuthentication", "Answer", "StartOOB", "Poll");

  static final String PENDING = "OobPending";
  static final String LOGIN_SUCCESS = "LoginSuccess";
  private static final String START = "/CDirectoryService/StartAuthentication";
  private static final String SEND = "/CDirectoryService/SendIdentityVerification";
  /** Both session shapes of the contract (1.2): under Result.ReturnData, or directly under Result. */
  private static final String CHALLENGES = "(Result.ReturnData.Challenges || Result.Challenges)";
  private static final String SESSION_ID = "ca.sessionId";
  private static final String PASSWORD_MECHANISM = "ca.passwordMechanismId";
  private static final String OOB_MECHANISM = "ca.oobMechanismId";
  private static final String SUMMARY = "ca.summary";
  private static final String WAIT_MS = "ca.waitMs";

  private final LoadSettings settings;
  private final LoadTarget target;
  private final FlowRecorder recorder;
  private final String runId;

  public CyberArkFlow(LoadSettings settings, LoadTarget target, FlowRecorder recorder, String runId) {
    this.settings = settings;
    this.target = target;
    this.recorder = recorder;
    this.runId = runId;
  }

  public ChainBuilder verification() {
    return group(GROUP).on(
        feed(target.vendorUser() != null ? Feeders.vendorUser(target.vendorUser())
            : Feeders.cyberArkLoadUsers(settings.cyberArkApprovalMs(), runId)),
        exec(recorder::start),
        exec(session -> session.set(WAIT_MS, settings.pollInterval().toMillis())),
        exitBlockOnFail().on(
            step("StartAuthentication", startAuthentication()),
            step("Answer", answerPassword()),
            step("StartOOB", startOob()),
            asLongAsDuring(CyberArkFlow::pending, settings.pollDeadline()).on(
                pause(session -> Duration.ofMillis(session.getLong(WAIT_MS))),
                step("Poll", poll())),
            exec(CyberArkFlow::judge)),
        exec(recorder::finish));
  }

  private static ChainBuilder step(String name, HttpRequestActionBuilder request) {
    return exec(session -> FlowRecorder.call(session, name)).exec(request);
  }

  private HttpRequestActionBuilder startAuthentication() {
    return http("StartAuthentication").post(target.cyberArkUrl() + START)
        .body(StringBody(session -> Requests.json(Map.of(
            "TenantId", settings.cyberArkTenantId(), "User", session.getString(Feeders.LOGIN)))))
        .check(
            status().is(200),
            jsonPath("$.success").ofBoolean().is(true),
            jmesPath("Result.ReturnData.SessionId || Result.SessionId").saveAs(SESSION_ID),
            jmesPath(CHALLENGES + "[0].Mechanisms[?Name=='UP'].MechanismId | [0]").saveAs(PASSWORD_MECHANISM),
            jmesPath(CHALLENGES + "[1].Mechanisms[?Name=='" + settings.cyberArkOobMechanism() + "'].MechanismId | [0]")
                .saveAs(OOB_MECHANISM));
  }

  private HttpRequestActionBuilder answerPassword() {
    return http("Answer").post(target.cyberArkUrl() + SEND)
        .body(StringBody(session -> send(session, "Answer", PASSWORD_MECHANISM, target.cyberArkPassword())))
        .check(status().is(200), jsonPath("$.success").ofBoolean().is(true),
            jsonPath("$.Result.Summary").is("StartNextChallenge"));
  }

  private HttpRequestActionBuilder startOob() {
    return http("StartOOB").post(target.cyberArkUrl() + SEND)
        .body(StringBody(session -> send(session, "StartOOB", OOB_MECHANISM, null)))
        .check(status().is(200), jsonPath("$.success").ofBoolean().is(true),
            jsonPath("$.Result.Summary").is(PENDING).saveAs(SUMMARY));
  }

  private HttpRequestActionBuilder poll() {
    return http("Poll").post(target.cyberArkUrl() + SEND)
        .body(StringBody(session -> send(session, "Poll", OOB_MECHANISM, null)))
        .check(status().is(200), jsonPath("$.success").ofBoolean().is(true),
            jsonPath("$.Result.Summary").in(PENDING, "StartNextChallenge", LOGIN_SUCCESS).saveAs(SUMMARY));
  }

  private String send(Session session, String action, String mechanism, String answer) {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("Action", action);
    if (answer != null) {
      body.put("Answer", answer);
    }
    body.put("MechanismId", session.getString(mechanism));
    body.put("SessionId", session.getString(SESSION_ID));
    body.put("TenantId", settings.cyberArkTenantId());
    return Requests.json(body);
  }

  static boolean pending(Session session) {
    return PENDING.equals(session.getString(SUMMARY));
  }

  /** After the loop: still pending means the deadline passed; any other Summary than LoginSuccess is no verdict. */
  static Session judge(Session session) {
    String summary = session.getString(SUMMARY);
    if (PENDING.equals(summary)) {
      return FlowRecorder.fail(session, FlowRecorder.DEADLINE);
    }
    return LOGIN_SUCCESS.equals(summary) ? session : FlowRecorder.fail(session, "verdict " + summary);
  }
}
