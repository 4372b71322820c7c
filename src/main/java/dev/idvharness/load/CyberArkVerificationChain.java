package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkPollRule;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.LoopStep;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The CyberArk verification a client runs, as a Gatling chain: StartAuthentication, Answer (password), StartOOB
 * (push), then Poll doing what {@link CyberArkPollRule} says (the same rule the conformance loop runs) until a verdict
 * or a named failure. OobPending is not a failure; a deadline miss is one, named "deadline".
 */
public final class CyberArkVerificationChain {

  public static final String NAME = "cyberark";
  public static final String GROUP = "CyberArkVerification";
  public static final List<String> REQUESTS = List.of("StartAuthentication", "Answer", "StartOOB", "Poll");

  private static final String START = "/CDirectoryService/StartAuthentication";
  private static final String SEND = "/CDirectoryService/SendIdentityVerification";
  /** Both session shapes of the contract (1.2): under Result.ReturnData, or directly under Result. */
  private static final String CHALLENGES = "(Result.ReturnData.Challenges || Result.Challenges)";
  private static final String SESSION_ID = "ca.sessionId";
  private static final String PASSWORD_MECHANISM = "ca.passwordMechanismId";
  private static final String OOB_MECHANISM = "ca.oobMechanismId";
  private static final String HTTP_STATUS = "ca.status";
  private static final String BODY = "ca.body";
  private static final String POLLING_SINCE = "ca.pollingSince";
  private static final String POLLS = "ca.polls";
  private static final String WAIT_MS = "ca.waitMs";
  private static final String DONE = "ca.done";

  private final LoadSettings settings;
  private final LoadTarget target;
  private final FlowRecorder recorder;
  private final String runId;
  private final CyberArkPollRule rule;
  private final URI sendUri;

  public CyberArkVerificationChain(LoadSettings settings, LoadTarget target, FlowRecorder recorder, String runId) {
    this.settings = settings;
    this.target = target;
    this.recorder = recorder;
    this.runId = runId;
    this.rule = new CyberArkPollRule(settings.poll());
    this.sendUri = URI.create(target.cyberArkUrl() + SEND);
  }

  public ChainBuilder verification() {
    return group(GROUP).on(
        feed(target.vendorUser() != null ? Feeders.vendorUser(target.vendorUser())
            : Feeders.cyberArkLoadUsers(settings.cyberArkApprovalMs(), runId)),
        exec(recorder::start),
        exec(session -> session.set(DONE, true).set(POLLS, 0)),
        step("StartAuthentication", startAuthentication()),
        // a failed step ends the flow, named after it ("Answer check failed"): no later step runs
        doIf(CyberArkVerificationChain::ok).then(step("Answer", answerPassword())),
        doIf(CyberArkVerificationChain::ok).then(step("StartOOB", send("StartOOB"))),
        // StartOOB answers OobPending: the rule starts the poll loop from it
        doIf(CyberArkVerificationChain::ok).then(
            exec(session -> judge(session.set(POLLING_SINCE, System.currentTimeMillis()).set(DONE, false)))),
        // the rule ends the loop; the outer bound is only a guard, a little past the deadline
        asLongAsDuring(CyberArkVerificationChain::polling,
            Duration.ofMillis(settings.poll().deadlineMs()).plus(settings.drain())).on(
            pause(session -> Duration.ofMillis(session.getLong(WAIT_MS))),
            exec(session -> session.set(POLLS, session.getInt(POLLS) + 1).markAsSucceeded()),
            step("Poll", send("Poll")),
            exec(this::judge)),
        exec(session -> polling(session) ? FlowRecorder.fail(session, FlowRecorder.DEADLINE) : session),
        exec(recorder::finish));
  }

  /** One request: counted as a call of the flow, then recorded as OK or KO with its response time. */
  private ChainBuilder step(String name, HttpRequestActionBuilder request) {
    return exec(session -> FlowRecorder.call(session, name).removeAll(HTTP_STATUS, BODY)).exec(request)
        .exec(session -> recorder.answered(session, name));
  }

  private static boolean ok(Session session) {
    return !session.isFailed();
  }

  private HttpRequestActionBuilder startAuthentication() {
    return http("StartAuthentication").post(target.cyberArkUrl() + START)
        .body(StringBody(session -> Requests.json(Map.of(
            "TenantId", settings.cyberArkTenantId(), "User", session.getString(Feeders.LOGIN)))))
        .check(
            responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME),
            status().is(200),
            jsonPath("$.success").ofBoolean().is(true),
            jmesPath("Result.ReturnData.SessionId || Result.SessionId").saveAs(SESSION_ID),
            jmesPath(CHALLENGES + "[0].Mechanisms[?Name=='UP'].MechanismId | [0]").saveAs(PASSWORD_MECHANISM),
            jmesPath(CHALLENGES + "[1].Mechanisms[?Name=='" + settings.cyberArkOobMechanism() + "'].MechanismId | [0]")
                .saveAs(OOB_MECHANISM));
  }

  private HttpRequestActionBuilder answerPassword() {
    return http("Answer").post(sendUri.toString())
        .body(StringBody(session -> body(session, "Answer", PASSWORD_MECHANISM, target.cyberArkPassword())))
        .check(responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME), status().is(200),
            jsonPath("$.success").ofBoolean().is(true), jsonPath("$.Result.Summary").is("StartNextChallenge"));
  }

  /** StartOOB and Poll: what the rule reads is saved first (a failed check stops the checks after it). */
  private HttpRequestActionBuilder send(String action) {
    return http(action).post(sendUri.toString())
        .body(StringBody(session -> body(session, action, OOB_MECHANISM, null)))
        .check(responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME), status().saveAs(HTTP_STATUS),
            bodyString().saveAs(BODY), status().is(200));
  }

  private String body(Session session, String action, String mechanism, String answer) {
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

  /** After StartOOB or a Poll: the rule says wait, or ends the flow with a verdict or a named failure. */
  private Session judge(Session session) {
    if (!session.contains(HTTP_STATUS)) {
      return FlowRecorder.fail(session, "unreachable").set(DONE, true);
    }
    CyberArkAnswer answer = CyberArkAnswer.of(
        Exchange.received(sendUri, session.getInt(HTTP_STATUS), Map.of(), session.getString(BODY)));
    long elapsedMs = System.currentTimeMillis() - session.getLong(POLLING_SINCE);
    LoopStep step = rule.next(answer, session.getInt(POLLS), elapsedMs);
    Session judged = session.removeAll(BODY);
    if (step instanceof LoopStep.Wait wait) {
      return judged.set(WAIT_MS, wait.ms());
    }
    LoopStep.End end = (LoopStep.End) step;
    Session done = judged.set(DONE, true);
    return end.kind().isVerdict() ? done.markAsSucceeded() : FlowRecorder.fail(done, end.kind().label());
  }

  static boolean polling(Session session) {
    return !session.getBoolean(DONE);
  }
}
