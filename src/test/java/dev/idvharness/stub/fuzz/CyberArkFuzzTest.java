package dev.idvharness.stub.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.cyberark.CyberArkData;
import dev.idvharness.stub.cyberark.CyberArkUser;
import dev.idvharness.stub.fuzz.InProcessStub.Answer;
import dev.idvharness.stub.json.Json;
import dev.idvharness.vendor.cyberark.LoadUserLogin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Sequences of CyberArk requests from the fuzzer's bytes, on the sessions the stub hands out: StartAuthentication,
 * then Answer, StartOOB and Poll with the SessionIds, MechanismIds, tenants and secrets it has seen, or anything
 * else, or raw bytes. Every answer must be the contract's envelope (AnswerRules); only a session the stub handed
 * out succeeds, with its own tenant, until it has ended; and a login the data does not know never passes a challenge.
 *
 * <p>{@code ./mvnw verify} replays {@code src/test/resources/dev/idvharness/stub/fuzz/CyberArkFuzzTestInputs};
 * {@code ./mvnw -Pfuzz test} fuzzes (docs/fuzzing.md).
 */
class CyberArkFuzzTest {

  private static final InProcessStub STUB = new InProcessStub();
  private static final CyberArkData DATA = CyberArkData.load(InProcessStub.ROOT.resolve("data/cyberark.json"));
  private static final List<String> LOGINS = DATA.users().stream().map(CyberArkUser::login).toList();
  private static final List<String> UUIDS = DATA.users().stream().map(CyberArkUser::uuid).filter(Objects::nonNull).toList();
  private static final List<String> SECRETS = DATA.users().stream()
      .flatMap(user -> Stream.of(user.password(), user.oathCode(), user.oobCode()))
      .filter(Objects::nonNull).distinct().toList();
  private static final List<String> ACTIONS = List.of("Answer", "StartOOB", "Poll");
  private static final boolean LOAD_USERS = DATA.loadUsers() != null;
  private static final long START_MS = 1_700_000_000_000L;

  /** A session the stub handed out: its id, tenant, MechanismIds per challenge, and whether its user can pass. */
  private record Session(String id, String tenantId, List<String> mechanismIds, boolean knownUser) {}

  private enum Kind { START, SEND, RAW_START, RAW_SEND }

  @FuzzTest
  @Timeout(5)
  void sessions(FuzzedDataProvider data) {
    STUB.forgetSessions();
    List<Session> sessions = new ArrayList<>();
    Set<String> ended = new HashSet<>();
    long now = START_MS;
    int requests = data.consumeInt(1, 24);
    for (int i = 0; i < requests && data.remainingBytes() > 0; i++) {
      now = Fuzzed.later(data, now);
      boolean declaredJson = Fuzzed.declaredJson(data);
      Kind kind = data.pickValue(Kind.values());
      if (kind == Kind.START || kind == Kind.RAW_START) {
        byte[] body = kind == Kind.START ? Fuzzed.bytes(data, startBody(data)) : data.consumeBytes(512);
        Answer answer = STUB.startAuthentication(body, declaredJson, now);
        if (answer != null) {
          started(answer, body.length, sessions);
        }
      } else {
        byte[] body = kind == Kind.SEND ? Fuzzed.bytes(data, sendBody(data, sessions)) : data.consumeBytes(512);
        Answer answer = STUB.sendIdentityVerification(body, declaredJson, now);
        if (answer != null) {
          sent(answer, body.length, sessions, ended);
        }
      }
    }
  }

  private static ObjectNode startBody(FuzzedDataProvider data) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Fuzzed.field(data, body, "TenantId", List.of(DATA.defaultTenantId()));
    Fuzzed.field(data, body, "User", data.consumeBoolean() ? LOGINS : List.of(loadLogin(data)));
    Fuzzed.field(data, body, "UUID", UUIDS);
    Fuzzed.extraField(data, body);
    return body;
  }

  /** A login of the documented load family: load[.p<N>][.t<MS>][.deny].<id>@idv.test. */
  private static String loadLogin(FuzzedDataProvider data) {
    return "load" + (data.consumeBoolean() ? ".p" + data.consumeInt(0, 99_999) : "")
        + (data.consumeBoolean() ? ".t" + data.consumeInt(0, 9_999_999) : "")
        + (data.consumeBoolean() ? ".deny" : "") + "." + data.consumeAsciiString(8) + "@idv.test";
  }

  private static ObjectNode sendBody(FuzzedDataProvider data, List<Session> sessions) {
    Session session = sessions.isEmpty() ? null : data.pickValue(sessions);
    List<String> mechanisms = new ArrayList<>();
    sessions.forEach(other -> mechanisms.addAll(other.mechanismIds()));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Fuzzed.field(data, body, "Action", ACTIONS);
    Fuzzed.field(data, body, "SessionId", session == null ? List.of() : List.of(session.id()));
    Fuzzed.field(data, body, "MechanismId", session == null ? List.of() : data.consumeBoolean() ? session.mechanismIds() : mechanisms);
    Fuzzed.field(data, body, "TenantId", session == null ? List.of(DATA.defaultTenantId()) : List.of(session.tenantId()));
    Fuzzed.field(data, body, "Answer", SECRETS);
    Fuzzed.extraField(data, body);
    return body;
  }

  /** Checks a StartAuthentication answer and keeps the session it opened. */
  private static void started(Answer answer, int requestBytes, List<Session> sessions) {
    JsonNode json = AnswerRules.cyberArk(answer, requestBytes);
    AnswerRules.keepsSecrets(answer, json, shown(answer.parsedRequest()), SECRETS);
    String summary = AnswerRules.summary(json);
    JsonNode result = json.path("Result");
    AnswerRules.check(summary == null || summary.equals("NewPackage") || summary.equals("Undefined"), answer,
        "StartAuthentication answered " + summary);
    if (!"NewPackage".equals(summary)) {
      return;
    }
    JsonNode holder = result.has("ReturnData") ? result.get("ReturnData") : result;
    List<String> mechanismIds = new ArrayList<>();
    holder.path("Challenges").forEach(challenge -> challenge.path("Mechanisms")
        .forEach(mechanism -> mechanismIds.add(mechanism.path("MechanismId").asText())));
    AnswerRules.check(holder.path("SessionId").isTextual() && !mechanismIds.isEmpty(), answer, "a NewPackage without a session");
    sessions.add(new Session(holder.get("SessionId").textValue(), result.path("TenantId").asText(), mechanismIds,
        knowsUser(answer.parsedRequest())));
  }

  /** Checks a SendIdentityVerification answer against the state of its session. */
  private static void sent(Answer answer, int requestBytes, List<Session> sessions, Set<String> ended) {
    JsonNode json = AnswerRules.cyberArk(answer, requestBytes);
    AnswerRules.keepsSecrets(answer, json, shown(answer.parsedRequest()), SECRETS);
    String summary = AnswerRules.summary(json);
    boolean success = json.get("success").booleanValue();
    AnswerRules.check(!success || Set.of("StartNextChallenge", "OobPending", "LoginSuccess").contains(summary), answer,
        "SendIdentityVerification answered " + summary);
    String sessionId = Json.text(answer.parsedRequest(), "SessionId");
    Session session = sessions.stream().filter(live -> live.id().equals(sessionId)).findFirst().orElse(null);
    AnswerRules.check(!success || session != null, answer, "a success for a SessionId the stub never handed out");
    AnswerRules.check(!success || session.tenantId().equals(Json.text(answer.parsedRequest(), "TenantId")), answer,
        "a success for another tenant than the session's");
    AnswerRules.check(!success || !ended.contains(sessionId), answer, "a session that has ended succeeded again");
    AnswerRules.check(!success || session.knownUser(), answer, "an unknown login passed a challenge");
    if ("LoginSuccess".equals(summary) || "LoginFailure".equals(summary)) {
      ended.add(sessionId);
    }
  }

  /** The request as the answer may echo it: everything but the Answer. */
  private static String shown(ObjectNode request) {
    ObjectNode copy = request.deepCopy();
    copy.remove("Answer");
    return copy.toString();
  }

  /** Whether the data has the user this StartAuthentication names: the login first, else the UUID. */
  private static boolean knowsUser(ObjectNode request) {
    String login = Json.text(request, "User");
    if (login != null && !login.isBlank()) {
      return LOGINS.stream().anyMatch(login::equalsIgnoreCase) || (LOAD_USERS && LoadUserLogin.parse(login).isPresent());
    }
    String uuid = Json.text(request, "UUID");
    return uuid != null && UUIDS.stream().anyMatch(uuid::equalsIgnoreCase);
  }
}
