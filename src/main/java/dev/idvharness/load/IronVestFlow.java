package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The IronVest validate loop a client runs (contract section 3): validate while the answer is "processing", waiting
 * retryAfterMS (clamped) or a jittered backoff, 503 retried honouring Retry-After, until the decision or the
 * deadline. "processing" is not a failure, and neither is a retried 503 (an answer the contract says to retry).
 */
public final class IronVestFlow {

  public static final String NAME = "ironvest";
  public static final String GROUP = "IronVestValidation";
  public static final List<String> REQUESTS = List.of("Validate");

  private static final String VALIDATE = "/v1/validate";
  private static final String STATE = "iv.state";
  private static final String PENDING = "pending";
  private static final String DECIDED = "decided";
  private static final String STOPPED = "stopped";
  private static final String WAIT_MS = "iv.waitMs";
  private static final String BACKOFFS = "iv.backoffs";
  private static final String UNAVAILABLE = "iv.unavailable";
  private static final String HTTP_STATUS = "iv.status";
  private static final String RETRY_AFTER_HEADER = "iv.retryAfterHeader";
  private static final String ERROR_MESSAGE = "iv.errorMessage";
  private static final String RETRY_AFTER_MS = "iv.retryAfterMs";
  private static final String SUCCESS = "iv.success";
  private static final String VERIFIED_ACTION = "iv.verifiedAction";

  private final LoadSettings settings;
  private final LoadTarget target;
  private final FlowRecorder recorder;
  private final String runId;

  public IronVestFlow(LoadSettings settings, LoadTarget target, FlowRecorder recorder, String runId) {
    this.settings = settings;
    this.target = target;
    this.recorder = recorder;
    this.runId = runId;
  }

  public ChainBuilder validation() {
    return group(GROUP).on(
        feed(target.vendorUser() != null ? Feeders.vendorUser(target.vendorUser())
            : Feeders.ironVestSessions(settings.ironVestProcessingCalls(), settings.ironVestRetryAfterMs(), runId)),
        exec(recorder::start),
        exec(session -> session.set(STATE, PENDING).set(BACKOFFS, 0).set(UNAVAILABLE, 0)),
        exitBlockOnFail().on(
            asLongAsDuring(IronVestFlow::undecided, settings.validateDeadline()).on(
                exec(session -> FlowRecorder.call(session, "Validate").removeAll(HTTP_STATUS, RETRY_AFTER_HEADER,
                    ERROR_MESSAGE, RETRY_AFTER_MS, SUCCESS, VERIFIED_ACTION)),
                exec(validate()),
                exec(this::next),
                doIf(IronVestFlow::undecided).then(pause(session -> Duration.ofMillis(session.getLong(WAIT_MS))))),
            exec(session -> undecided(session) ? FlowRecorder.fail(session, FlowRecorder.DEADLINE) : session)),
        exec(recorder::finish));
  }

  private HttpRequestActionBuilder validate() {
    return http("Validate").post(target.ironVestUrl() + VALIDATE)
        .header("apikey", target.ironVestApiKey())
        .body(StringBody(session -> Requests.json(Map.of(
            "cid", settings.ironVestCid(),
            "csid", session.getString(Feeders.CSID),
            "uid", session.getString(Feeders.UID),
            "action", "payment",
            "additionalData", Map.of("sessionData",
                List.of(Map.of("key", "amount", "value", 35, "synonyms", List.of("amount"))))))))
        .check(
            status().in(200, 503).saveAs(HTTP_STATUS),
            header("Retry-After").optional().saveAs(RETRY_AFTER_HEADER),
            jsonPath("$.errorMessage").optional().saveAs(ERROR_MESSAGE),
            jsonPath("$.retryAfterMS").ofLong().optional().saveAs(RETRY_AFTER_MS),
            jsonPath("$.success").ofBoolean().optional().saveAs(SUCCESS),
            jsonPath("$.verifiedAction").ofBoolean().optional().saveAs(VERIFIED_ACTION));
  }

  private Session next(Session session) {
    ValidateRetryPolicy.Answer answer = new ValidateRetryPolicy.Answer(
        session.getInt(HTTP_STATUS),
        session.getString(ERROR_MESSAGE),
        session.contains(RETRY_AFTER_MS) ? session.getLong(RETRY_AFTER_MS) : null,
        session.getString(RETRY_AFTER_HEADER),
        session.contains(SUCCESS) ? session.getBoolean(SUCCESS) : null,
        session.contains(VERIFIED_ACTION) ? session.getBoolean(VERIFIED_ACTION) : null);
    ValidateRetryPolicy.Next next = settings.validatePolicy().next(answer, session.getInt(BACKOFFS),
        session.getInt(UNAVAILABLE), bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    if (next.decided()) {
      return session.set(STATE, DECIDED);
    }
    if (next.failure() != null) {
      return FlowRecorder.fail(session, next.failure()).set(STATE, STOPPED);
    }
    return session.set(WAIT_MS, next.waitMs())
        .set(BACKOFFS, session.getInt(BACKOFFS) + (next.backedOff() ? 1 : 0))
        .set(UNAVAILABLE, session.getInt(UNAVAILABLE) + (next.unavailable() ? 1 : 0));
  }

  static boolean undecided(Session session) {
    return PENDING.equals(session.getString(STATE));
  }
}
