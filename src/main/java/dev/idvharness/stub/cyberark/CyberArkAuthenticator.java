package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.SessionStates;
import dev.idvharness.stub.serve.SessionStoreFactory;
import dev.idvharness.stub.stats.PollDisciplineStats;
import dev.idvharness.stub.stats.PollRecord;
import dev.idvharness.stub.stats.PollTotals;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The CyberArk session state machine and error catalogue (contract 1.2 to 1.4). */
public final class CyberArkAuthenticator {

  private static final List<String> REQUIRED = List.of("Action", "MechanismId", "SessionId", "TenantId");
  /** The vendor's SDKs send no TenantId on /Security/AdvanceAuthentication: the session's tenant is meant. */
  private static final List<String> REQUIRED_ON_SECURITY = List.of("Action", "MechanismId", "SessionId");
  private static final int MAX_FAILURES = 3;
  /** The answers of the hot loop, rendered once. */
  private static final Reply OOB_PENDING = Envelope.success(summary("OobPending"));
  private static final Reply START_NEXT_CHALLENGE = Envelope.success(summary("StartNextChallenge"));
  /** A longer login or UUID names no user, and would be held by its session (up to a million of them). */
  private static final int MAX_LOGIN_LENGTH = 256;
  private static final int TOKEN_LIFETIME_SECONDS = 3600;
  /** No vendor hint for the poll interval: public clients poll every 0.5 to 5 s; a client silent for 10 s gave up. */
  private static final long OOB_ABANDON_HINT_MS = 1_000;

  private final CyberArkData data;
  private final UserDirectory directory;
  private final SessionStates<CyberArkSession> sessions;
  private final Supplier<Profile> profile;
  private final Supplier<PollDisciplineStats> pollStats;

  public CyberArkAuthenticator(CyberArkData data, Supplier<Profile> profile, Supplier<PollDisciplineStats> pollStats,
      SessionStoreFactory stores) {
    this.data = data;
    this.directory = new UserDirectory(data);
    this.profile = profile;
    this.pollStats = pollStats;
    this.sessions = stores.open("cyberark", CyberArkSession.codec(directory), profile.get().sessions());
  }

  public SessionStates<?> sessions() {
    return sessions;
  }

  /** The poll history of a session, or null when there is no such live session. */
  public PollRecord pollRecord(String sessionId) {
    CyberArkSession session = sessions.get(sessionId);
    return session == null ? null : session.polls;
  }

  public Reply startAuthentication(ObjectNode body, CyberArkRoute route, ClientCall call) {
    String sentTenant = nonBlank(Json.text(body, "TenantId"));
    call.client(Tenant.key(sentTenant != null && Tenant.wellFormed(sentTenant) ? sentTenant : data.defaultTenantId()));
    String login = nonBlank(Json.text(body, "User"));
    String uuid = nonBlank(Json.text(body, "UUID"));
    if (login == null && uuid == null) {
      return Envelope.undefinedStart("User or UUID is required",
          "User (login name) or UUID is required to start authentication.");
    }
    if (body.hasNonNull("TenantId") && !body.get("TenantId").isTextual()) {
      return Envelope.refusedStart("TenantId must be a string", "Missing or invalid field: TenantId must be a string.");
    }
    if (sentTenant != null && !Tenant.wellFormed(sentTenant)) {
      return Envelope.refusedStart("TenantId is not a tenant id or host name", "Invalid field: TenantId must be a "
          + "tenant id (1 to 64 letters, digits, '_' or '-') or the tenant's host name.");
    }
    // the login wins when both are sent (UserDirectory.find)
    if ((login != null ? login : uuid).length() > MAX_LOGIN_LENGTH) {
      String field = login != null ? "User" : "UUID";
      return Envelope.refusedStart(field + " is too long", "Invalid field: " + field + " must be at most "
          + MAX_LOGIN_LENGTH + " characters.");
    }
    CyberArkUser user = directory.find(login, uuid);
    if (user.otherPod() && !route.onPod(data.otherPodHost())) {
      // no session here: the client repeats the call on the tenant's pod
      return Envelope.success(Json.object().put("PodFqdn", route.podFqdn(data.otherPodHost())));
    }
    CyberArkSession session = new CyberArkSession(user,
        sentTenant != null ? Tenant.idOf(sentTenant) : data.defaultTenantId());
    String sessionId = CyberArkSession.newSessionId();
    sessions.put(sessionId, session);
    call.session(sessionId);
    return Envelope.success(newPackage(sessionId, session, route));
  }

  public Reply sendIdentityVerification(ObjectNode body, Plan plan, CyberArkRoute route, ClientCall call) {
    String sessionId = Json.text(body, "SessionId");
    if (sessionId == null) {
      return sendIdentityVerification(null, body, plan, route, call, pollStats.get());
    }
    return sessions.update(sessionId, null, pollStats.get(),
        (session, totals) -> sendIdentityVerification(session, body, plan, route, call, totals));
  }

  private Reply sendIdentityVerification(CyberArkSession session, ObjectNode body, Plan plan, CyberArkRoute route,
      ClientCall call, PollTotals totals) {
    String sentTenant = Json.text(body, "TenantId");
    // the client is the tenant it names, else the tenant of its session
    call.client(sentTenant != null && Tenant.wellFormed(sentTenant) ? Tenant.key(sentTenant)
        : session != null ? Tenant.key(session.tenantId) : null);
    for (String field : route.securityApi() ? REQUIRED_ON_SECURITY : REQUIRED) {
      if (Json.text(body, field) == null) {
        return Envelope.refusedAdvance(field + " is required (a string)",
            "Missing or invalid required field: " + field + " (a string is required).");
      }
    }
    JsonNode answerNode = body.get("Answer");
    if (answerNode != null && !answerNode.isTextual() && !answerNode.isNull()) {
      return Envelope.refusedAdvance("Answer must be a string", "Invalid field: Answer must be a string.");
    }
    String actionText = Json.text(body, "Action");
    Action action = Action.of(actionText);
    if (action == null) {
      return Envelope.refusedAdvance("unknown Action", "Unknown Action '" + printable(actionText)
          + "': use Answer, StartOOB or Poll.");
    }
    if (session == null) {
      return Envelope.refusedAdvance("unknown or expired SessionId",
          "The session is invalid or has expired (SessionId not found). Start a new authentication.");
    }
    call.session(Json.text(body, "SessionId"));
    return advance(session, action, body, plan, route, call, totals);
  }

  private Reply advance(CyberArkSession session, Action action, ObjectNode body, Plan plan, CyberArkRoute route,
      ClientCall call, PollTotals totals) {
    String tenantId = Json.text(body, "TenantId");
    if (!(tenantId == null && route.securityApi()) && !Tenant.names(session.tenantId, tenantId)) {
      return Envelope.refusedAdvance("TenantId is not the session's tenant",
          "The TenantId does not match the tenant of this session.");
    }
    if (session.ended) {
      call.afterEnd();
      return Envelope.refusedAdvance("the session has ended",
          "The session is no longer active: it has already ended. Start a new authentication.");
    }
    int index = session.mechanismIndex(Json.text(body, "MechanismId"));
    if (index < 0) {
      return Envelope.refusedAdvance("MechanismId is not of the current challenge",
          "The MechanismId is invalid: it is not a mechanism of the current challenge of this session.");
    }
    String name = session.mechanismName(index);
    MechanismTemplate template = data.mechanisms().get(name);
    Reply reply = switch (action) {
      case ANSWER -> answer(session, index, name, template, Json.text(body, "Answer"), route);
      case START_OOB -> startOob(session, index, name, template, plan, call, totals);
      case POLL -> poll(session, index, name, plan, route, call, totals);
    };
    if (reply == OOB_PENDING) {
      call.awaits(Math.max(minPollInterval(), OOB_ABANDON_HINT_MS));
    }
    if (reply == START_NEXT_CHALLENGE && session.user.newPackageAfterFirst() && !session.repackaged) {
      // the server swaps the package: the remaining challenges, under new MechanismIds
      session.repackaged = true;
      session.renewMechanismIds();
      return Envelope.success(newPackage(Json.text(body, "SessionId"), session, route));
    }
    return reply;
  }

  private Reply answer(CyberArkSession session, int index, String name, MechanismTemplate template, String answer,
      CyberArkRoute route) {
    if (MechanismTemplate.START_OOB.equals(template.answerType())) {
      return misfit("Answer on an out-of-band mechanism", "Answer", name,
          "it is out of band only: start it with StartOOB, then Poll.");
    }
    if (MechanismTemplate.START_TEXT_OOB.equals(template.answerType()) && session.started != index) {
      return misfit("Answer before StartOOB", "Answer", name,
          "start it with StartOOB first, then answer with the code that was sent.");
    }
    if (answer == null) {
      return Envelope.refusedAdvance("Answer is required with Action Answer",
          "Missing or invalid required field: Answer (a string is required with Action Answer).");
    }
    String secret = session.user.secretFor(name, template);
    return secret != null && secret.equals(answer) ? pass(session, route) : fail(session);
  }

  private Reply startOob(CyberArkSession session, int index, String name, MechanismTemplate template, Plan plan,
      ClientCall call, PollTotals totals) {
    if (!template.isOob()) {
      return misfit("StartOOB on an in-band mechanism", "StartOOB", name, "it is answered in band: use Action Answer.");
    }
    session.started = index;
    session.oobStartedAt = plan.arrivedAt();
    session.pendingPollsAnswered = 0;
    // the first poll is measured from this answer
    call.polled(session.polls,
        session.polls.onCall(plan.arrivedAt(), plan.answeredAt(), minPollInterval(), totals));
    return OOB_PENDING;
  }

  private Reply poll(CyberArkSession session, int index, String name, Plan plan, CyberArkRoute route,
      ClientCall call, PollTotals totals) {
    if (session.started != index) {
      return misfit("Poll before StartOOB", "Poll", name, "it was not started with StartOOB.");
    }
    CyberArkUser.Oob oob = session.user.oob();
    boolean pending = oob.pendingPolls() != null
        ? session.pendingPollsAnswered < oob.pendingPolls()
        : oob.approveAfterMs() != null && plan.arrivedAt() - session.oobStartedAt < oob.approveAfterMs();
    call.polled(session.polls,
        session.polls.onCall(plan.arrivedAt(), plan.answeredAt(), pending ? minPollInterval() : 0, totals));
    if (pending) {
      session.pendingPollsAnswered++;
      return OOB_PENDING;
    }
    return oob.deny() ? fail(session) : pass(session, route);
  }

  private Reply pass(CyberArkSession session, CyberArkRoute route) {
    session.started = CyberArkSession.NOT_STARTED;
    session.challenge++;
    if (session.challenge < session.user.challenges().size()) {
      return START_NEXT_CHALLENGE;
    }
    session.ended = true;
    ObjectNode login = loginSuccess(session, route);
    // as the vendor's: the token as the .ASPXAUTH cookie too (identity-sample-java reads it)
    return Envelope.success(login).withHeader("Set-Cookie",
        ".ASPXAUTH=" + login.get("Token").textValue() + "; Path=/; Secure; HttpOnly");
  }

  private Reply fail(CyberArkSession session) {
    session.started = CyberArkSession.NOT_STARTED;
    session.failures++;
    if (session.failures >= MAX_FAILURES) {
      session.ended = true;
      return Envelope.failure("LoginFailure", Envelope.AUTH_FAILED);
    }
    return Envelope.failure("Failure", Envelope.AUTH_FAILED);
  }

  private static Reply misfit(String reason, String action, String mechanism, String why) {
    return Envelope.refusedAdvance(reason, "Action " + action + " does not fit mechanism " + mechanism + ": " + why);
  }

  private int minPollInterval() {
    return profile.get().cyberark().minPollIntervalMs();
  }

  /** The package from the session's current challenge on (all of them at the start, the rest after a swap). */
  private ObjectNode newPackage(String sessionId, CyberArkSession session, CyberArkRoute route) {
    ArrayNode challenges = Json.MAPPER.createArrayNode();
    List<List<String>> userChallenges = session.user.challenges();
    for (int c = session.challenge; c < userChallenges.size(); c++) {
      ArrayNode mechanisms = challenges.addObject().putArray("Mechanisms");
      for (int m = 0; m < userChallenges.get(c).size(); m++) {
        String name = userChallenges.get(c).get(m);
        MechanismTemplate template = data.mechanisms().get(name);
        ObjectNode mechanism = mechanisms.addObject();
        if ("EMAIL".equals(name)) {
          String domain = emailDomain(session.user.login());
          mechanism.put("MaskedEmailAddress", "***@" + domain).put("PartialAddress", domain);
        }
        mechanism
            .put("AnswerType", template.answerType())
            .put("Name", name)
            .put("PromptMechChosen", template.promptMechChosen())
            .put("PromptSelectMech", template.promptSelectMech())
            .put("MechanismId", session.mechanismId(c, m))
            .put("Enrolled", true);
      }
    }
    ObjectNode result = Json.object();
    result.putObject("ClientHints")
        .put("PersistDefault", false)
        .put("AllowPersist", false)
        .put("AllowForgotPassword", false)
        .put("EndpointAuthenticationEnabled", false);
    result.put("Version", "1.0");
    result.put("Summary", "NewPackage");
    result.put("TenantId", session.tenantId);
    // as in the vendor's own fixtures (conjur-cli-go)
    result.putNull("EventDescription");
    result.put("RetryWaitingTime", 0);
    result.putNull("SecurityImageName");
    result.put("AllowLoginMfaCache", false);
    boolean flat = route.securityApi() || "Result".equals(session.user.sessionShape());
    ObjectNode holder = flat ? result : result.putObject("ReturnData");
    holder.put("SessionId", sessionId);
    holder.set("Challenges", challenges);
    return result;
  }

  private static String emailDomain(String login) {
    int at = login.lastIndexOf('@');
    return at >= 0 && at < login.length() - 1 ? login.substring(at + 1) : "idv.test";
  }

  private static ObjectNode summary(String summary) {
    return Json.object().put("Summary", summary);
  }

  private static ObjectNode loginSuccess(CyberArkSession session, CyberArkRoute route) {
    CyberArkUser user = session.user;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Json.object()
        .put("AuthLevel", "Normal")
        .put("DisplayName", user.displayName())
        .put("Token", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()))
        .put("Auth", Long.toHexString(random.nextLong()))
        .put("UserId", user.uuid())
        .put("EmailAddress", user.login())
        .put("UserDirectory", "CDS")
        .put("User", user.login())
        .put("PodFqdn", route.host())
        .put("CustomerID", session.tenantId)
        .put("SystemID", session.tenantId)
        .put("SourceDsType", "CDS")
        .put("TokenLifetime", TOKEN_LIFETIME_SECONDS)
        .put("Summary", "LoginSuccess");
  }

  /** Null for a missing or blank field: a blank login names no user (and would fail the user record). */
  private static String nonBlank(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * An echo of hostile input that is safe anywhere: letters and digits, every other character shown as '?' (dropping
   * it would turn "Start OOB" into the valid "StartOOB"), at most 32 of them.
   */
  static String printable(String text) {
    String cleaned = text.replaceAll("[^A-Za-z0-9]", "?");
    return cleaned.length() > 32 ? cleaned.substring(0, 32) + "..." : cleaned;
  }
}
