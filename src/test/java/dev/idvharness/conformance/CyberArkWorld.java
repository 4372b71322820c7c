package dev.idvharness.conformance;

import dev.idvharness.target.ConformanceTarget;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.CyberArkPollLoop;
import dev.idvharness.client.Outcome;
import dev.idvharness.client.Pause;
import dev.idvharness.client.PollSettings;
import java.util.Map;
import dev.idvharness.stub.cyberark.CyberArkUser;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One CyberArk authentication as a scenario drives it: who logs in, the session and the challenge reached, the last
 * answer, and the poll loop's outcome. Secrets are looked up here and never pass through step text.
 */
public final class CyberArkWorld {

  private final ConformanceTarget target;
  private final CyberArkClient client;
  private final Consumer<CyberArkAnswer> onAnswer;
  private UserSecrets secrets;
  private CyberArkAnswer started;
  private CyberArkAnswer last;
  private int challenge;
  private PollSettings pollSettings;
  private Outcome pollOutcome;

  public CyberArkWorld(ConformanceTarget target, Consumer<CyberArkAnswer> onAnswer) {
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
    start(client.startAuthentication(login));
  }

  /** A login nobody has: the answer must not tell (contract 1.2). */
  public void startUnknownUser() {
    secrets = new UserSecrets(null, null, null);
    start(client.startAuthentication("idv-harness-nobody-" + UUID.randomUUID() + "@unknown.invalid"));
  }

  public void startWithoutUser() {
    ObjectNode body = client.request("unused", "unused", "unused");
    body.retain("TenantId");
    record(client.post(CyberArkClient.START, body));
  }

  public void answerPassword() {
    answer("UP", secrets.password());
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
    record(client.send("Answer", sessionId(), mechanismId(mechanism), value));
  }

  public void startOob(String mechanism) {
    record(client.send("StartOOB", sessionId(), mechanismId(mechanism), null));
  }

  public void pollOnce(String mechanism) {
    record(client.send("Poll", sessionId(), mechanismId(mechanism), null));
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

  /** A request of the error catalogue (contract 1.4), named as in the feature's Examples. */
  public void sendBroken(String request) {
    String password = mechanismId("UP");
    switch (request) {
      case "a wrong password" -> answerWrongly("UP");
      case "an unknown SessionId" -> record(client.send("Answer", UUID.randomUUID().toString(), password, "x"));
      case "a MechanismId of another session" -> {
        String otherMechanism = client.startAuthentication(target.isRemote() ? target.cyberArkUser()
            : "password.only@idv.test").mechanism(0, "UP").orElseThrow().id();
        record(client.send("Answer", sessionId(), otherMechanism, "x"));
      }
      case "another TenantId" -> record(client.post(CyberArkClient.SEND,
          body("Answer", password).put("TenantId", "OTHER" + Integer.toHexString(UUID.randomUUID().hashCode()))));
      case "no Action", "no MechanismId", "no SessionId", "no TenantId" -> {
        ObjectNode body = body("Answer", password);
        body.remove(request.substring(3));
        record(client.post(CyberArkClient.SEND, body));
      }
      case "Action as a number" -> record(client.post(CyberArkClient.SEND, body("Answer", password).put("Action", 42)));
      case "Action \"Cancel\"" -> record(client.post(CyberArkClient.SEND, body("Cancel", password)));
      case "Poll on the password mechanism" -> pollOnce("UP");
      case "StartOOB on the password mechanism" -> startOob("UP");
      case "a body that is not JSON" -> record(client.postRaw(CyberArkClient.SEND, "Action=Answer&Answer=x",
          Map.of("Content-Type", "application/json")));
      default -> throw new IllegalArgumentException("no such request in the catalogue: " + request);
    }
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
    return client.request(action, sessionId(), mechanismId).put("Answer", "x");
  }

  private void start(CyberArkAnswer answer) {
    started = answer;
    challenge = 0;
    record(answer);
  }

  /** Keeps the answer; a passed challenge moves the session on to the next one (contract 1.3). */
  private void record(CyberArkAnswer answer) {
    last = answer;
    onAnswer.accept(answer);
    if (answer != started && answer.succeeded() && "StartNextChallenge".equals(answer.summary())) {
      challenge++;
    }
  }

  private String sessionId() {
    if (started == null || started.sessionId() == null) {
      throw new AssertionError(Contract.broken("1.2 StartAuthentication answers the session",
          "no SessionId under Result.ReturnData or Result", started == null ? null : started.exchange()).get());
    }
    return started.sessionId();
  }

  private String mechanismId(String name) {
    return started.mechanism(challenge, name).map(CyberArkAnswer.Mechanism::id).orElseThrow(() -> new AssertionError(
        Contract.broken("1.2 each challenge lists its mechanisms",
            "challenge " + (challenge + 1) + " offers no mechanism " + name, started.exchange()).get()));
  }

  /** What the user answers with: from the stub data (local) or the environment (remote, password only). */
  private record UserSecrets(String password, String oathCode, String oobCode) {
    static UserSecrets of(CyberArkUser user) {
      return new UserSecrets(user.password(), user.oathCode(), user.oobCode());
    }
  }
}
