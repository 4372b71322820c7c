package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkChallengeWalk;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.CyberArkPollLoop;
import dev.idvharness.client.LoopStep;
import dev.idvharness.client.Outcome;
import dev.idvharness.client.Pause;
import dev.idvharness.client.PollSettings;
import dev.idvharness.vendor.cyberark.CyberArkApi;
import java.util.List;
import java.util.Map;
import dev.idvharness.stub.cyberark.CyberArkUser;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One CyberArk authentication as a scenario drives it: who logs in, the session and the challenge reached, the last
 * answer, and the poll loop's outcome. Secrets are looked up here and never pass through step text.
 */
public final class CyberArkWorld {

  private static final String SDK_START = "/Security/StartAuthentication";
  private static final String SDK_ADVANCE = "/Security/AdvanceAuthentication";

  private final Target target;
  private final CyberArkClient client;
  private final Consumer<CyberArkAnswer> onAnswer;
  private UserSecrets secrets;
  private CyberArkAnswer started;
  private CyberArkAnswer last;
  private CyberArkChallengeWalk walk;
  /** Where the last answer took the walk: on (null) or to its end (passed, denied, protocol). */
  private LoopStep.End ended;
  /** The last request of the error catalogue and its answer, so that a check can name what was sent. */
  private Sent broken;
  private PollSettings pollSettings;
  private Outcome pollOutcome;
  /** Whether requests go the way the vendor's SDKs send them (/Security paths, no TenantId on the advance). */
  private boolean sdkPaths;

  /** A scenario's world (PicoContainer's choice): every answer is attached to the scenario's report. */
  public CyberArkWorld(Target target, CurrentScenario scenario) {
    this(target, answer -> scenario.attach(answer.exchange(),
        answer.exchange().uri().getPath() + " HTTP " + answer.exchange().status()));
  }

  CyberArkWorld(Target target, Consumer<CyberArkAnswer> onAnswer) {
    this.target = target;
    this.client = target.cyberArk();
    this.onAnswer = onAnswer;
    this.pollSettings = target.pollSettings();
  }

  public void startConfiguredUser() {
    secrets = target.isRemote()
        ? new UserSecrets(target.cyberArkPassword(), null, null)
        : UserSecrets.of(target.stubData().user(target.cyberArkUser()).orElseThrow());
    start(client.startAuthentication(target.cyberArkUser()));
  }

  public void startStubUser(String login) {
    secrets = UserSecrets.of(target.stubData().user(login)
        .orElseThrow(() -> new IllegalArgumentException(login + " is no stub user (stubs/data/cyberark.json)")));
    start(sdkPaths ? client.post(SDK_START, object().put("User", login).put("Version", "1.0")
        .put("PlatformTokenResponse", true).put("MfaRequestor", "DeviceAgent")) : client.startAuthentication(login));
  }

  /** A stub user's start as a client that leaves the X-IDAP-NATIVE-CLIENT header out. */
  public void startStubUserWithoutNativeClientHeader(String login) {
    secrets = UserSecrets.of(target.stubData().user(login).orElseThrow());
    start(client.postRaw(CyberArkApi.START, object().put("TenantId", client.tenantId()).put("User", login)
        .toString(), Map.of("Content-Type", "application/json")));
  }

  /** From now on, the /Security paths and bodies of the vendor's SDKs (ark-sdk-python, conjur-cli-go). */
  public void useSdkPaths() {
    sdkPaths = true;
  }

  /** Where the client sends its requests now: the configured URL, or the pod a StartAuthentication named. */
  public String baseUrl() {
    return client.baseUrl();
  }

  /** A login nobody has: the answer must not tell (contract 1.2). */
  public void startUnknownUser() {
    secrets = new UserSecrets(null, null, null);
    start(client.startAuthentication("idv-harness-nobody-" + UUID.randomUUID() + "@unknown.invalid"));
  }

  public void startWithoutUser() {
    ObjectNode body = client.request("unused", "unused", "unused");
    body.retain("TenantId");
    record(client.post(CyberArkApi.START, body));
  }

  public void answerPassword() {
    answer(CyberArkChallengeWalk.PASSWORD, secrets.password());
  }

  /**
   * Why the configured out-of-band mechanism cannot be used now, against a vendor whose test account lacks it (the
   * password ended the login, or the challenge reached does not offer it); empty when it can, and always against the
   * stubs, whose configured user has it.
   */
  public Optional<String> configuredOobMissing() {
    if (!target.isRemote()) {
      return Optional.empty();
    }
    String name = target.cyberArkOobMechanism();
    String missing = "the configured user has no out-of-band mechanism " + name + " (CYBERARK_OOB_MECHANISM): ";
    if (ended != null && ended.kind() == Outcome.Kind.PASSED) {
      return Optional.of(missing + "the password answered " + ended.detail());
    }
    return walk.offered(name).isPresent() ? Optional.empty()
        : Optional.of(missing + "challenge " + (walk.index() + 1) + " offers " + offeredNames());
  }

  private List<String> offeredNames() {
    return walk.index() < walk.challenges().size()
        ? walk.challenges().get(walk.index()).stream().map(CyberArkAnswer.Mechanism::name).toList()
        : List.of();
  }

  public void answerOathCode(String mechanism) {
    answer(mechanism, secrets.oathCode());
  }

  public void answerOobCode(String mechanism) {
    answer(mechanism, secrets.oobCode());
  }

  public void answerWrongly(String mechanism) {
    answer(mechanism, "wrong-" + UUID.randomUUID());
  }

  public void answer(String mechanism, String value) {
    record(send("Answer", mechanismId(mechanism), value));
  }

  public void startOob(String mechanism) {
    record(send("StartOOB", mechanismId(mechanism), null));
  }

  public void pollOnce(String mechanism) {
    record(send("Poll", mechanismId(mechanism), null));
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The SDKs send no TenantId, and an empty Answer with StartOOB and Poll. */
  private CyberArkAnswer send(String action, String mechanismId, String value) {
    if (!sdkPaths) {
      return client.send(action, sessionId(), mechanismId, value);
    }
    return client.post(SDK_ADVANCE, object().put("SessionId", sessionId()).put("MechanismId", mechanismId)
        .put("Action", action).put("Answer", value == null ? "" : value));
  }

  public void pollDeadline(long deadlineMs) {
    pollSettings = new PollSettings(pollSettings.intervalMs(), deadlineMs);
  }

  /** The poll loop of contract section 3 on a mechanism started with StartOOB. */
  public void pollUntilDecided(String mechanism) {
    String mechanismId = mechanismId(mechanism);
    pollOutcome = new CyberArkPollLoop(client, pollSettings, Pause.SLEEP).run(sessionId(), mechanismId);
    if (pollOutcome.last() != null) {
      record(CyberArkAnswer.of(pollOutcome.last()));
    }
  }

  /**
   * A request of the error catalogue (contract 1.4), named as in the feature's Examples. Every request but the wrong
   * password carries the right password: a vendor that ignores the field, the session, the mechanism or the tenant
   * would let it pass, so only a refusal of what the request breaks passes the check. It goes to the documented path, where
   * TenantId is required (on /Security a missing one means the session's tenant, contract 1.6).
   */
  public void sendBroken(CyberArkBrokenRequest request) {
    String passwordId = mechanismId(CyberArkChallengeWalk.PASSWORD);
    switch (request) {
      case WRONG_PASSWORD -> answerWrongly(CyberArkChallengeWalk.PASSWORD);
      case UNKNOWN_SESSION_ID -> record(client.send("Answer", UUID.randomUUID().toString(), passwordId,
          secrets.password()));
      case OTHER_SESSIONS_MECHANISM_ID -> {
        String otherMechanism = client.startAuthentication(target.isRemote() ? target.cyberArkUser()
            : "password.only@idv.test").mechanism(0, "UP").orElseThrow().id();
        record(client.send("Answer", sessionId(), otherMechanism, secrets.password()));
      }
      case OTHER_TENANT_ID -> record(client.post(CyberArkApi.SEND,
          rightPassword(passwordId).put("TenantId", "OTHER" + Integer.toHexString(UUID.randomUUID().hashCode()))));
      case NO_ACTION, NO_MECHANISM_ID, NO_SESSION_ID, NO_TENANT_ID -> {
        ObjectNode body = rightPassword(passwordId);
        body.remove(request.missingField());
        record(client.post(CyberArkApi.SEND, body));
      }
      case ACTION_AS_A_NUMBER ->
          record(client.post(CyberArkApi.SEND, rightPassword(passwordId).put("Action", 42)));
      case CANCEL -> record(client.post(CyberArkApi.SEND, body("Cancel", passwordId)));
      case POLL_ON_THE_PASSWORD -> pollOnce("UP");
      case START_OOB_ON_THE_PASSWORD -> startOob("UP");
      case NOT_JSON -> record(client.postRaw(CyberArkApi.SEND, "Action=Answer&Answer=x",
          Map.of("Content-Type", "application/json")));
    }
    broken = new Sent(request.described(), last);
  }

  /** The catalogue request the last answer is the answer to, as a check names it ("a request without TenantId"). */
  public Optional<String> brokenRequest() {
    return broken != null && broken.answer() == last ? Optional.of(broken.request()) : Optional.empty();
  }

  /** The right password: a refusal is then the refusal of what the request breaks, never of the answer. */
  private ObjectNode rightPassword(String mechanismId) {
    return body("Answer", mechanismId);
  }

  public CyberArkAnswer started() {
    return started;
  }

  public CyberArkAnswer last() {
    return last;
  }

  public Outcome pollOutcome() {
    return pollOutcome;
  }

  private ObjectNode body(String action, String mechanismId) {
    return client.request(action, sessionId(), mechanismId).put("Answer", secrets.password());
  }

  private void start(CyberArkAnswer answer) {
    started = answer;
    walk = CyberArkChallengeWalk.start(answer);
    ended = null;
    record(answer);
  }

  /**
   * Keeps the answer; a passed challenge moves the session on to the next one, a NewPackage to the first challenge of
   * the new package (contract 1.3, {@link CyberArkChallengeWalk}).
   */
  private void record(CyberArkAnswer answer) {
    last = answer;
    onAnswer.accept(answer);
    if (answer != started && walk != null) {
      CyberArkChallengeWalk.Step step = walk.after(answer);
      ended = step.end();
      if (!step.isOver()) {
        walk = step.next();
      }
    }
  }

  /** How the last answer ended the walk (LoginSuccess, a refusal, a protocol break), or null while it goes on. */
  public LoopStep.End ended() {
    return ended;
  }

  /** Which challenge of the current package the session stands at (0-based), and how many packages it has seen. */
  public CyberArkChallengeWalk walk() {
    return walk;
  }

  private String sessionId() {
    if (started == null || started.sessionId() == null) {
      throw new AssertionError(Contract.broken("1.2 StartAuthentication answers the session",
          "no SessionId under Result.ReturnData or Result", started == null ? null : started.exchange()).get());
    }
    return started.sessionId();
  }

  private String mechanismId(String name) {
    int challenge = walk.index();
    return walk.offered(name).map(CyberArkAnswer.Mechanism::id).orElseThrow(() -> new AssertionError(
        Contract.broken("1.2 each challenge lists its mechanisms",
            "challenge " + (challenge + 1) + " offers no mechanism " + name, started.exchange()).get()));
  }

  /** A catalogue request as a check names it, and the answer it got. */
  private record Sent(String request, CyberArkAnswer answer) {}

  /** What the user answers with: from the stub data (local) or the environment (remote, password only). */
  private record UserSecrets(String password, String oathCode, String oobCode) {
    static UserSecrets of(CyberArkUser user) {
      return new UserSecrets(user.password(), user.oathCode(), user.oobCode());
    }
  }
}
