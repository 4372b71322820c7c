package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.IronVestValidateRule;
import dev.idvharness.client.LoopStep;
import dev.idvharness.run.Target;
import dev.idvharness.vendor.ironvest.IronVestApi;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The IronVest validate loop as a Gatling chain: validate, then do what {@link IronVestValidateRule} says (the same
 * rule the conformance loop runs), until a verdict or a named failure. "processing" and a retried 503 are not
 * failures; a request with no HTTP answer ends the flow as "unreachable".
 */
public final class IronVestValidationChain {

  public static final String NAME = "ironvest";
  public static final String GROUP = "IronVestValidation";
  public static final List<String> REQUESTS = List.of("Validate");

  private static final String RULE_STATE = "iv.ruleState";
  private static final String WAIT_MS = "iv.waitMs";
  private static final String DONE = "iv.done";
  private static final String HTTP_STATUS = "iv.status";
  private static final String BODY = "iv.body";
  private static final String RETRY_AFTER_HEADER = "iv.retryAfterHeader";

  private final LoadSettings settings;
  private final Target target;
  private final FlowRecorder recorder;
  private final String runId;
  private final IronVestValidateRule rule;
  private final URI validateUri;

  public IronVestValidationChain(LoadSettings settings, Target target, FlowRecorder recorder, String runId) {
    this.settings = settings;
    this.target = target;
    this.recorder = recorder;
    this.runId = runId;
    this.rule = new IronVestValidateRule(settings.validate());
    this.validateUri = URI.create(target.ironVestUrl() + IronVestApi.VALIDATE);
  }

  public ChainBuilder validation() {
    return exec(recorder.admission()).group(GROUP).on(
        feed(target.vendorUser() != null ? Feeders.vendorUser(target.vendorUser())
            : Feeders.ironVestSessions(settings.ironVestProcessingCalls(), settings.ironVestRetryAfterMs(), runId)),
        exec(recorder::start),
        exec(session -> session.set(RULE_STATE, IronVestValidateRule.State.START).set(DONE, false)),
        // the rule ends the loop; the outer bound is only a guard, a little past the deadline
        asLongAsDuring(IronVestValidationChain::undecided,
            Duration.ofMillis(settings.validate().deadlineMs()).plus(settings.drain())).on(
            exec(session -> FlowRecorder.call(session, "Validate")
                .removeAll(HTTP_STATUS, BODY, RETRY_AFTER_HEADER).markAsSucceeded()),
            exec(validate()),
            exec(session -> recorder.answered(session, "Validate")),
            exec(this::next),
            doIf(IronVestValidationChain::undecided).then(pause(session -> Duration.ofMillis(session.getLong(WAIT_MS))))),
        exec(session -> undecided(session) ? FlowRecorder.fail(session, FlowRecorder.DEADLINE) : session),
        exec(recorder::finish));
  }

  private HttpRequestActionBuilder validate() {
    return http("Validate").post(validateUri.toString())
        .header(IronVestApi.API_KEY_HEADER, target.ironVestApiKey())
        .body(StringBody(session -> Requests.json(Map.of(
            "cid", settings.ironVestCid(),
            "csid", session.getString(Feeders.CSID),
            "uid", session.getString(Feeders.UID),
            "action", "payment",
            "additionalData", Map.of("sessionData",
                List.of(Map.of("key", "amount", "value", 35, "synonyms", List.of("amount"))))))))
        // what the rule reads is saved first: a failed check stops the checks after it
        .check(
            responseTimeInMillis().saveAs(FlowRecorder.RESPONSE_TIME),
            status().saveAs(HTTP_STATUS),
            bodyString().saveAs(BODY),
            header("Retry-After").optional().saveAs(RETRY_AFTER_HEADER),
            status().in(200, 503));
  }

  private Session next(Session session) {
    if (!session.contains(HTTP_STATUS)) {
      return FlowRecorder.fail(session, "unreachable").set(DONE, true);
    }
    String retryAfter = session.getString(RETRY_AFTER_HEADER);
    IronVestAnswer answer = IronVestAnswer.of(Exchange.received(validateUri, session.getInt(HTTP_STATUS),
        retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), session.getString(BODY)));
    long elapsedMs = System.currentTimeMillis() - session.getLong(FlowRecorder.STARTED_AT);
    IronVestValidateRule.Next next = rule.next(answer, session.get(RULE_STATE), elapsedMs, ZonedDateTime.now(),
        ThreadLocalRandom.current());
    Session advanced = session.set(RULE_STATE, next.state()).removeAll(BODY);
    if (next.step() instanceof LoopStep.Wait wait) {
      return advanced.set(WAIT_MS, wait.ms());
    }
    LoopStep.End end = (LoopStep.End) next.step();
    Session done = advanced.set(DONE, true);
    return end.kind().isVerdict() ? done.markAsSucceeded() : FlowRecorder.fail(done, end.kind().label());
  }

  static boolean undecided(Session session) {
    return !session.getBoolean(DONE);
  }
}
