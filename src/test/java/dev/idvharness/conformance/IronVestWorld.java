package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.IronVestAnswer;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.IronVestValidateLoop;
import dev.idvharness.client.Outcome;
import dev.idvharness.client.Pause;
import dev.idvharness.client.ValidateBody;
import dev.idvharness.client.ValidateSettings;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One IronVest validation as a scenario drives it: which organisation, user and session, the request body, the
 * answers and the validate loop's outcome. API keys are looked up here and never pass through step text.
 */
public final class IronVestWorld {

  private final Target target;
  private final Consumer<IronVestAnswer> onAnswer;
  private IronVestClient client;
  private String cid;
  private String uid;
  private ObjectNode body;
  private ValidateSettings settings;
  private IronVestAnswer previous;
  private IronVestAnswer last;
  private Outcome outcome;

  /** A scenario's world (PicoContainer's choice): every answer is attached to the scenario's report. */
  public IronVestWorld(Target target, CurrentScenario scenario) {
    this(target, answer -> scenario.attach(answer.exchange(), "validate HTTP " + answer.status()));
  }

  IronVestWorld(Target target, Consumer<IronVestAnswer> onAnswer) {
    this.target = target;
    this.onAnswer = onAnswer;
    this.client = target.ironVest();
    this.cid = target.ironVestCid();
    this.uid = target.ironVestUid();
    this.settings = target.validateSettings();
  }

  public void overMtls() {
    client = target.ironVestOverMtls(apiKey());
  }

  /** Local only: the organisation {@code cid} of the stub data, with its own API key. */
  public void asStubClient(String stubCid) {
    cid = stubCid;
    String key = target.stubData().apiKeyOf(stubCid).orElseThrow(() ->
        new IllegalArgumentException(stubCid + " is no client of stubs/data/ironvest.json"));
    client = target.ironVestWithKey(key);
  }

  /** A user id nobody used before in this run. */
  public void newUser() {
    uid = "conformance-user-" + UUID.randomUUID();
  }

  public void userId(String newUid) {
    uid = newUid;
  }

  /** The configured session with an empty sessionData list (allowed: contract 2.1). */
  public void requestForConfiguredSession() {
    body = ValidateBody.of(cid, target.ironVestCsid(), uid, "WireTransfer").json();
  }

  /**
   * A fresh session following the csid conventions of contract 2.3, with the values the stub "collected". The
   * suffix keeps csids unique per run; it starts with x, which no convention uses.
   */
  public void requestForCsid(String conventions) {
    body = ValidateBody.of(cid, conventions + "-x" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()),
            uid, "WireTransfer")
        .value("amount", new BigDecimal("35"), "amount")
        .value("payeeID", new BigDecimal("6"), "payeeList")
        .value("accountNumber", "66666666", "account_number")
        .value("notes", "Wire transfer", "notes")
        .json();
  }

  /** Replaces the amount entry's value, e.g. with 35, "35" or "35.00" (contract 2.2: type-agnostic). */
  public void amount(JsonNode value) {
    for (JsonNode entry : sessionData()) {
      if ("amount".equals(entry.path("key").asText())) {
        ((ObjectNode) entry).set("value", value);
      }
    }
  }

  public void enrollment() {
    body.put("enrollment", true);
  }

  /**
   * The validate calls go to {@code path}: {@code /v1/validate}, or a path that ends with it, such as the older
   * {@code /api/v1/validate} of earlier vendor docs (contract 2.1). Our clients always send the current path.
   */
  public void postTo(String path) {
    if (!path.endsWith(IronVestApi.VALIDATE)) {
      throw new IllegalArgumentException("not a validate path: " + path);
    }
    String prefix = path.substring(0, path.length() - IronVestApi.VALIDATE.length());
    client = new IronVestClient(target.http(), target.ironVestUrl() + prefix, apiKey());
  }

  /** Sets a top-level field of the request, e.g. an older name beside the current one (contract 2.1). */
  public void field(String name, JsonNode value) {
    body.set(name, value);
  }

  /**
   * Sends uid and enrollment (when the request has it) under these names: the current ones, or the older ones of
   * earlier vendor docs, {@code userID} and {@code isEnrollment} (contract 2.1).
   */
  public void nameFields(String uidName, String enrollmentName) {
    rename("uid", uidName);
    rename("enrollment", enrollmentName);
  }

  private void rename(String from, String to) {
    if (!from.equals(to) && body.has(from)) {
      body.set(to, body.remove(from));
    }
  }

  public void deadline(long deadlineMs) {
    settings = new ValidateSettings(settings.defaultWaitMs(), settings.maxBackoffMs(), settings.minRetryAfterMs(),
        settings.maxRetryAfterMs(), settings.unavailableRetries(), deadlineMs);
  }

  public void unavailableRetries(int retries) {
    settings = new ValidateSettings(settings.defaultWaitMs(), settings.maxBackoffMs(), settings.minRetryAfterMs(),
        settings.maxRetryAfterMs(), retries, settings.deadlineMs());
  }

  /** The validate loop with an apikey nobody issued: a 403 that the loop must not retry. */
  public void validateUntilVerdictWithUnknownKey() {
    client = target.ironVestWithKey("unknown-" + UUID.randomUUID());
    validateUntilVerdict();
  }

  public void validateOnce() {
    record(client.validate(body));
  }

  /** The current request through another client, e.g. one presenting another certificate. */
  public void validateOnceVia(IronVestClient other) {
    record(other.validate(body));
  }

  public void validateUntilVerdict() {
    outcome = new IronVestValidateLoop(client, settings, Pause.SLEEP, new SplittableRandom()).run(body);
    if (outcome.last() != null) {
      record(IronVestAnswer.of(outcome.last()));
    }
  }

  /** The same session again, later, e.g. after an enrollment: a new csid for the same uid. */
  public void laterSession(String conventions) {
    requestForCsid(conventions);
  }

  /** A request of the 403 family (contract 2.2), named as in the feature's Examples. */
  public void validateWithCredentials(IronVestCredentials credentials) {
    String json = body.toString();
    switch (credentials) {
      case NO_APIKEY_HEADER -> record(client.validateRaw(json, IronVestClient.headers(null)));
      case UNKNOWN_APIKEY -> record(client.validateRaw(json, IronVestClient.headers("unknown-" + UUID.randomUUID())));
      case ANOTHER_CLIENTS_APIKEY -> record(client.validateRaw(json,
          IronVestClient.headers(target.stubData().apiKeyOf("strict-bank").orElseThrow())));
      case HEADER_SPELLED_API_KEY -> record(client.validateRaw(json,
          Map.of("Content-Type", "application/json", "apiKey", apiKey())));
    }
  }

  /** A request of the 422 family (contract 2.2), named as in the feature's Examples. */
  public void validateBroken(IronVestBreakage breakage) {
    ObjectNode broken = body.deepCopy();
    ObjectNode additional = (ObjectNode) broken.get("additionalData");
    switch (breakage) {
      case NOT_JSON -> {
        record(client.validateRaw("cid=" + cid + "&csid=x", IronVestClient.headers(apiKey())));
        return;
      }
      case NO_CID, NO_CSID, NO_UID, NO_ADDITIONAL_DATA -> broken.remove(breakage.missingField());
      case NO_SESSION_DATA -> additional.remove("sessionData");
      case CID_AS_A_NUMBER -> broken.put("cid", 42);
      case ENROLLMENT_AS_A_STRING -> broken.put("enrollment", "yes");
      case SESSION_DATA_AS_AN_OBJECT -> additional.putObject("sessionData");
      case ENTRY_WITHOUT_KEY -> entry(additional).remove("key");
      case ENTRY_VALUE_A_BOOLEAN -> entry(additional).put("value", true);
      case ENTRY_A_STRING -> ((ArrayNode) additional.get("sessionData")).insert(0, "amount=35");
    }
    record(client.validate(broken));
  }

  public IronVestAnswer last() {
    return last;
  }

  public IronVestAnswer previous() {
    return previous;
  }

  public Outcome outcome() {
    return outcome;
  }

  private ObjectNode entry(ObjectNode additional) {
    ArrayNode entries = (ArrayNode) additional.get("sessionData");
    if (entries.isEmpty()) {
      entries.addObject().put("key", "amount").put("value", 35).putArray("synonyms");
    }
    return (ObjectNode) entries.get(0);
  }

  private ArrayNode sessionData() {
    return (ArrayNode) body.path("additionalData").path("sessionData");
  }

  private String apiKey() {
    return target.isRemote() ? target.ironVestApiKey() : target.stubData().apiKeyOf(cid).orElseThrow();
  }

  private void record(IronVestAnswer answer) {
    previous = last;
    last = answer;
    onAnswer.accept(answer);
  }
}
