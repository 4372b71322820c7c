package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.SessionStates;
import dev.idvharness.stub.serve.SessionStoreFactory;
import dev.idvharness.stub.serve.StateCodec;
import dev.idvharness.stub.stats.PollDisciplineStats;
import dev.idvharness.stub.stats.PollRecord;
import dev.idvharness.stub.stats.PollTotals;
import dev.idvharness.vendor.ironvest.CsidConventions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** IronVest validate: apikey check, body checks, then per csid "processing" until the decision (contract 2.2, 2.3). */
public final class IronVestValidator {

  private final IronVestData data;
  private final Map<String, IronVestData.Client> clientsByKey = new HashMap<>();
  private final Pattern enrolledPattern;
  private final SessionStates<IronVestSession> sessions;
  private final SessionStates<Boolean> enrolled;
  private final Supplier<Profile> profile;
  private final Supplier<PollDisciplineStats> pollStats;
  private static final Pattern ENTRY_INDEX = Pattern.compile("\\[\\d+\\]");
  /** An enrolment is there or not: "1". */
  private static final StateCodec<Boolean> ENROLLED = new StateCodec<>() {
    @Override
    public String encode(Boolean enrolledUser) {
      return "1";
    }

    @Override
    public Boolean decode(String text) {
      return Boolean.TRUE;
    }
  };

  private final Map<Integer, Reply> processingReplies = new java.util.concurrent.ConcurrentHashMap<>();

  public IronVestValidator(IronVestData data, Supplier<Profile> profile, Supplier<PollDisciplineStats> pollStats,
      SessionStoreFactory stores) {
    this.data = data;
    data.clients().forEach(client -> clientsByKey.put(client.apiKey(), client));
    this.enrolledPattern = data.enrolledUidPattern() == null ? null : Pattern.compile(data.enrolledUidPattern());
    this.profile = profile;
    this.pollStats = pollStats;
    this.sessions = stores.open("ironvest", IronVestSession.CODEC, profile.get().sessions());
    this.enrolled = stores.open("ironvest-enrolled", ENROLLED, profile.get().sessions());
  }

  public SessionStates<?> sessions() {
    return sessions;
  }

  public SessionStates<?> enrolledUsers() {
    return enrolled;
  }

  /**
   * The call history of a csid, or null when there is no such live session. Sessions are per (cid, csid): with
   * {@code cid} null, the first organisation of the data that has this csid.
   */
  public PollRecord pollRecord(String csid, String cid) {
    for (IronVestData.Client client : data.clients()) {
      if (cid == null || client.cid().equals(cid)) {
        IronVestSession session = sessions.get(key(client.cid(), csid));
        if (session != null) {
          return session.polls;
        }
      }
    }
    return null;
  }

  /** One organisation's session or enrolment never answers for another's: the key holds both ids, unambiguously. */
  private static String key(String cid, String id) {
    return cid.length() + ":" + cid + ":" + id;
  }

  /**
   * Answers a validate call: {@code apiKeys} are the values of its apikey headers (normally one), {@code body} is null
   * when the request body was not a JSON object.
   */
  public Reply validate(List<String> apiKeys, ObjectNode body, Plan plan, ClientCall call) {
    String apiKey = apiKeys.size() == 1 ? apiKeys.get(0) : null;
    IronVestData.Client client = apiKey == null ? null : clientsByKey.get(apiKey);
    // the client is the cid it sends, else the organisation of its key
    String sentCid = body == null ? null : Json.text(body, "cid");
    call.client(sentCid != null && !sentCid.isEmpty() ? sentCid : client != null ? client.cid() : null);
    if (apiKeys.size() > 1) {
      // two keys are ambiguous: refuse rather than guess which one the client meant
      return error(403, "more than one apikey header", "Forbidden: more than one apikey header");
    }
    if (client == null) {
      return apiKey == null ? error(403, "apikey header missing", "Forbidden: the apikey header is missing")
          : error(403, "unknown API key", "Forbidden: unknown API key");
    }
    if (body == null) {
      return error(422, "body is not a JSON object", "Unprocessable Entity: the body must be a JSON object");
    }
    ValidateRequest request;
    try {
      request = ValidateRequest.check(body);
    } catch (ValidateRequest.Invalid invalid) {
      // the rule, not the entry: "additionalData.sessionData[].key is required ..."
      return error(422, ENTRY_INDEX.matcher(invalid.getMessage()).replaceAll("[]"),
          "Unprocessable Entity: " + invalid.getMessage());
    }
    if (!client.cid().equals(request.cid())) {
      return error(403, "cid is not the API key's", "Forbidden: CID and API key mismatch");
    }
    String sessionKey = key(request.cid(), request.csid());
    call.session(sessionKey);
    return sessions.update(sessionKey, key -> new IronVestSession(request.csid()), pollStats.get(),
        (session, totals) -> advance(session, request, client, plan, call, totals));
  }

  private Reply advance(IronVestSession session, ValidateRequest request, IronVestData.Client client, Plan plan,
      ClientCall call, PollTotals totals) {
    CsidConventions conventions = session.conventions;
    Profile.IronVest defaults = profile.get().ironvest();
    if (session.decision == null && session.unavailableAnswered < conventions.unavailableCalls()) {
      session.unavailableAnswered++;
      int retryAfter = profile.get().faults().retryAfterSeconds();
      call.polled(session.polls,
          session.polls.onCall(plan.arrivedAt(), plan.answeredAt(), retryAfter * 1000L, totals));
      call.awaits(retryAfter * 1000L);
      return IronVestErrors.unavailable(retryAfter);
    }
    int processingCalls = conventions.processingCalls() != null ? conventions.processingCalls() : defaults.processingCalls();
    if (session.decision == null && session.processingAnswered < processingCalls) {
      session.processingAnswered++;
      int retryAfter = conventions.retryAfterMs() != null ? conventions.retryAfterMs() : defaults.retryAfterMs();
      call.polled(session.polls, session.polls.onCall(plan.arrivedAt(), plan.answeredAt(),
          conventions.noRetryAfter() ? 0 : retryAfter, totals));
      call.awaits(conventions.noRetryAfter() ? 0 : retryAfter);
      return processing(conventions.noRetryAfter() ? -1 : retryAfter);
    }
    call.polled(session.polls, session.polls.onCall(plan.arrivedAt(), plan.answeredAt(), 0, totals));
    if (session.decision == null) {
      session.decision = conventions.applicationError()
          ? Reply.ok(Json.object().put("errorMessage", data.applicationErrorMessage()))
          : Reply.ok(decide(request, client, conventions));
    }
    return session.decision;
  }

  private ObjectNode decide(ValidateRequest request, IronVestData.Client client, CsidConventions conventions) {
    boolean wasEnrolled = isEnrolled(client.cid(), request.uid());
    boolean collected = !conventions.noBiometrics();
    boolean matched = collected && !conventions.biometricsFail()
        && (!client.activeEnrollmentOnly() || wasEnrolled || request.enrollment());
    Decision.Biometrics biometrics = new Decision.Biometrics(collected, matched);
    ObjectNode decision = Decision.of(request, data.collectedValues(), conventions.mismatch(), biometrics, wasEnrolled);
    if (request.enrollment() && decision.get("verifiedAction").booleanValue()) {
      enrolled.put(key(client.cid(), request.uid()), Boolean.TRUE);
      ((ObjectNode) decision.get("indicators")).put("iv_user_enrolled", true);
    }
    return decision;
  }

  private boolean isEnrolled(String cid, String uid) {
    return data.enrolledUids().contains(uid)
        || (enrolledPattern != null && enrolledPattern.matcher(uid).matches())
        || enrolled.get(key(cid, uid)) != null;
  }

  /** "processing" with this retryAfterMS (-1: none), rendered once per distinct value while there are few. */
  private Reply processing(int retryAfterMs) {
    Reply cached = processingReplies.get(retryAfterMs);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = Json.object().put("errorMessage", "processing");
    if (retryAfterMs >= 0) {
      body.put("retryAfterMS", retryAfterMs);
    }
    Reply reply = Reply.ok(body);
    if (processingReplies.size() < 1_000) {
      processingReplies.put(retryAfterMs, reply);
    }
    return reply;
  }

  /** A refused request: {@code reason} is what the client report counts it under. */
  private static Reply error(int status, String reason, String message) {
    return IronVestErrors.refused(status, reason, message);
  }
}
