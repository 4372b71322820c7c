package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkChallengeWalk;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.CyberArkPollRule;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.LoopStep;
import dev.idvharness.run.Target;
import dev.idvharness.vendor.cyberark.CyberArkApi;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CyberArk verification a client runs, as a Gatling chain: StartAuthentication (repeated on the tenant's pod when
 * the answer names one in {@code PodFqdn}), then each challenge of the package in turn, as {@link CyberArkChallengeWalk}
 * says (the rule the conformance world walks with): the password is answered, the OOB mechanism is started and polled
 * as {@link CyberArkPollRule} says, a {@code NewPackage} restarts with its challenges, {@code LoginSuccess} is the
 * verdict. OobPending is not a failure; a deadline miss is one, named "deadline". Requests carry
 * {@code X-IDAP-NATIVE-CLIENT: true}, as the vendor's clients send it.
 */
public final class CyberArkVerificationChain {

  public static final String NAME = "cyberark";
  public static final String GROUP = "CyberArkVerification";
  public static final List<String> REQUESTS = List.of("StartAuthentication", "Answer", "StartOOB", "Poll");

  private static final String BASE_URL = "ca.baseUrl";
  private static final String ON_POD = "ca.onPod";
  private static final String REPEAT_START = "ca.repeatStart";
  private static final String SESSION_ID = "ca.sessionId";
  private static final String WALK = "ca.walk";
  private static final String MECHANISM = "ca.mechanismId";
  private static final String ANSWERS_PASSWORD = "ca.answersPassword";
  private static final String HTTP_STATUS = "ca.status";
  private static final String BODY = "ca.body";
  private static final String POLLING_SINCE = "ca.pollingSince";
  private static final String POLLS = "ca.polls";
  private static final String WAIT_MS = "ca.waitMs";
  private static final String DONE = "ca.done";
  private static final String VERDICT = "ca.verdict";

  private final LoadSettings settings;
  private final Target target;
  private final FlowRecorder recorder;
  private final String runId;
  private final CyberArkPollRule rule;

  public CyberArkVerificationChain(LoadSettings settings, Target target, FlowRecorder recorder, String runId) {
    this.settings = settings;
    this.target = target;
    this.recorder = recorder;
    this.runId = runId;
    this.rule = new CyberArkPollRule(settings.poll());
  }

  public ChainBuilder verification() {
    return exec(recorder.admission()).group(GROUP).on(
        feed(target.vendorUser() != null ? Feeders.vendorUser(target.vendorUser())
            : Feeders.cyberArkLoadUsers(settings.cyberArkApprovalMs(), settings.cyberArkQuirks(), runId)),
        exec(recorder::start),
        exec(session -> session.set(BASE_URL, target.cyberArkUrl()).set(ON_POD, false).set(REPEAT_START, false)
            .set(DONE, true).set(VERDICT, false).set(POLLS, 0)),
        step("StartAuthentication", startAuthentication()),
        doIf(CyberArkVerificationChain::ok).then(exec(this::afterStart)),
        // a tenant on another pod: the same call there (afterStart took its URL), and the rest of the flow too
        doIf(session -> ok(session) && session.getBoolean(REPEAT_START)).then(
            step("StartAuthentication", startAuthentication()),
            doIf(CyberArkVerificationChain::ok).then(exec(this::afterStart))),
        // a failed step ends the flow, named after it ("Answer check failed"): no later step runs
        asLongAs(session -> ok(session) && !session.getBoolean(VERDICT)).on(
            exec(this::chooseMechanism),
            doIf(CyberArkVerificationChain::ok).then(
                doIfOrElse(session -> session.getBoolean(ANSWERS_PASSWORD))
                    .then(step("Answer", send("Answer")), doIf(CyberArkVerificationChain::ok).then(
                        exec(this::afterChallenge)))
                    .orElse(outOfBand()))),
        exec(recorder::finish));
  }

  /** StartOOB, then Poll as the rule says until it ends; an approval moves the walk on. */
  private ChainBuilder outOfBand() {
    return exec(step("StartOOB", send("StartOOB")),
        // StartOOB answers OobPending: the rule starts the poll loop from it
        doIf(CyberArkVerificationChain::ok).then(
            exec(session -> judge(session.set(POLLING_SINCE, System.currentTimeMillis()).set(DONE, false)
                .set(POLLS, 0)))),
        // the rule ends the loop; the outer bound is only a guard, a little past the deadline
        asLongAsDuring(CyberArkVerificationChain::polling,
            Duration.ofMillis(settings.poll().deadlineMs()).plus(settings.drain())).on(
            pause(session -> Duration.ofMillis(session.getLong(WAIT_MS))),
            exec(session -> session.set(POLLS, session.getInt(POLLS) + 1).markAsSucceeded()),
            step("Poll", send("Poll")),
            exec(this::judge)),
        exec(session -> polling(session) ? FlowRecorder.fail(session.set(DONE, true), FlowRecorder.DEADLINE) : session),
        doIf(CyberArkVerificationChain::ok).then(exec(this::afterChallenge)));
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
    return http("StartAuthentication").post(session -> session.getString(BASE_URL) + CyberArkApi.START)
        .header(CyberArkApi.NATIVE_CLIENT_HEADER, "true")
        .body(StringBody(session -> Requests.json(Map.of(
            "TenantId", settings.cyberArkTenantId(), "User", session.getString(Feeders.LOGIN)))))
        .check(responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME), status().saveAs(HTTP_STATUS),
            bodyString().saveAs(BODY), status().is(200), jsonPath("$.success").ofBoolean().is(true));
  }

  /** Answer (the password), StartOOB and Poll: what the rules read is saved first (a failed check stops the rest). */
  private HttpRequestActionBuilder send(String action) {
    return http(action).post(session -> session.getString(BASE_URL) + CyberArkApi.SEND)
        .header(CyberArkApi.NATIVE_CLIENT_HEADER, "true")
        .body(StringBody(session -> body(session, action,
            "Answer".equals(action) ? target.loadUserPassword() : null)))
        .check(responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME), status().saveAs(HTTP_STATUS),
            bodyString().saveAs(BODY), status().is(200));
  }

  private String body(Session session, String action, String answer) {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("Action", action);
    if (answer != null) {
      body.put("Answer", answer);
    }
    body.put("MechanismId", session.getString(MECHANISM));
    body.put("SessionId", session.getString(SESSION_ID));
    body.put("TenantId", settings.cyberArkTenantId());
    return Requests.json(body);
  }

  private static CyberArkAnswer saved(Session session) {
    return CyberArkAnswer.of(Exchange.received(URI.create(session.getString(BASE_URL)), session.getInt(HTTP_STATUS),
        Map.of(), session.getString(BODY)));
  }

  /**
   * The StartAuthentication answer, read once: a tenant on another pod sends the flow there (once), a package starts
   * the walk through its challenges.
   */
  private Session afterStart(Session session) {
    CyberArkAnswer started = saved(session);
    Session read = session.removeAll(BODY).set(REPEAT_START, false);
    Optional<String> pod = started.podFqdn();
    if (pod.isPresent()) {
      return read.getBoolean(ON_POD) ? FlowRecorder.fail(read, "PodFqdn on the pod")
          : read.set(ON_POD, true).set(REPEAT_START, true)
              .set(BASE_URL, CyberArkAnswer.podBaseUrl(read.getString(BASE_URL), pod.get()));
    }
    if (started.sessionId() == null || started.challenges().isEmpty()) {
      return FlowRecorder.fail(read, "no session");
    }
    return read.set(SESSION_ID, started.sessionId()).set(WALK, CyberArkChallengeWalk.start(started));
  }

  /** The password when the current challenge offers it, else the configured OOB mechanism. */
  private Session chooseMechanism(Session session) {
    CyberArkChallengeWalk walk = session.get(WALK);
    return walk.choose(settings.cyberArkOobMechanism())
        .map(mechanism -> session.set(MECHANISM, mechanism.id())
            .set(ANSWERS_PASSWORD, CyberArkChallengeWalk.PASSWORD.equals(mechanism.name())))
        .orElseGet(() -> FlowRecorder.fail(session, "no usable mechanism"));
  }

  /** The deciding answer of a challenge: the walk goes on, or the flow ends with a verdict or a named failure. */
  private Session afterChallenge(Session session) {
    CyberArkChallengeWalk walk = session.get(WALK);
    CyberArkChallengeWalk.Step step = walk.after(saved(session));
    Session read = session.removeAll(BODY);
    if (!step.isOver()) {
      return read.set(WALK, step.next());
    }
    return step.end().kind().isVerdict() ? read.set(VERDICT, true).markAsSucceeded()
        : FlowRecorder.fail(read, step.end().kind().label());
  }

  /** After StartOOB or a Poll: the rule says wait, or ends the flow with a verdict or a named failure. */
  private Session judge(Session session) {
    if (!session.contains(HTTP_STATUS)) {
      return FlowRecorder.fail(session, "unreachable").set(DONE, true);
    }
    long elapsedMs = System.currentTimeMillis() - session.getLong(POLLING_SINCE);
    LoopStep step = rule.next(saved(session), session.getInt(POLLS), elapsedMs);
    if (step instanceof LoopStep.Wait wait) {
      return session.removeAll(BODY).set(WAIT_MS, wait.ms());
    }
    LoopStep.End end = (LoopStep.End) step;
    Session done = session.set(DONE, true);
    // an approval keeps the answer: the walk reads where it leads (next challenge, new package, login)
    return end.kind().isVerdict() ? done.markAsSucceeded() : FlowRecorder.fail(done.removeAll(BODY), end.kind().label());
  }

  static boolean polling(Session session) {
    return !session.getBoolean(DONE);
  }
}
