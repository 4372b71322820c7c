package dev.idvharness.stub.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.idvharness.stub.fuzz.InProcessStub.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the vendor contract allows as an answer, whatever was sent (docs/vendor-contract.md 1.2 to 1.4, 2.2): checked
 * on every answer of the fuzz targets. A broken rule throws an AssertionError, which Jazzer reports as a finding.
 */
final class AnswerRules {

  /** Strict on our own output: one JSON value, no duplicate keys. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Set<String> ENVELOPE = Set.of("success", "Result", "Message", "MessageID", "Exception",
      "ErrorID", "ErrorCode", "IsSoftError", "InnerExceptions");
  private static final Set<String> CYBERARK_FAILURES = Set.of("Failure", "LoginFailure", "Undefined");
  private static final Pattern ERROR_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]+");
  /** The largest normal answer is a NewPackage of ~1.5 KB; a decision grows with the fields the request names. */
  private static final int BASE_ANSWER_BYTES = 4096;
  /** The longest text of a normal answer is a Message of ~110 characters. */
  private static final int MAX_TEXT = 200;
  /** Random by design: a secret such as 123456 may turn up in them by chance. */
  private static final Set<String> RANDOM_IDS = Set.of("ErrorID", "SessionId", "MechanismId", "Token", "Auth");

  private AnswerRules() {}

  /** The rules of every answer: JSON, no 5xx (but a 503 where the caller allows it), short, safe texts. */
  static JsonNode common(Answer answer, int requestBytes, boolean unavailableAllowed) {
    check(answer.status() < 500 || (answer.status() == 503 && unavailableAllowed), answer, "a 5xx from our code");
    check(answer.contentType() != null && answer.contentType().startsWith("application/json"), answer,
        "Content-Type " + answer.contentType());
    check(answer.body().length <= BASE_ANSWER_BYTES + 2L * requestBytes, answer, "an answer larger than the request explains");
    JsonNode json;
    try {
      json = STRICT.readTree(answer.body());
    } catch (IOException notJson) {
      throw new AssertionError("not JSON (" + notJson.getClass().getSimpleName() + "): " + show(answer));
    }
    check(json != null && json.isObject(), answer, "not a JSON object");
    safeTexts(json, answer);
    return json;
  }

  /** CyberArk: HTTP 200 and the envelope; returns the answer. */
  static JsonNode cyberArk(Answer answer, int requestBytes) {
    JsonNode json = common(answer, requestBytes, false);
    check(answer.status() == 200, answer, "a CyberArk status other than 200");
    Set<String> fields = new java.util.HashSet<>();
    json.fieldNames().forEachRemaining(fields::add);
    // a failed StartAuthentication leaves Result out, as the vendor's fixture; every other answer carries it
    boolean noResult = !fields.contains("Result") && !json.path("success").asBoolean(true);
    if (noResult) {
      fields.add("Result");
    }
    check(fields.equals(ENVELOPE), answer, "envelope fields " + fields);
    check(json.get("success").isBoolean(), answer, "success not a boolean");
    check(json.get("IsSoftError").isBoolean() && !json.get("IsSoftError").booleanValue(), answer, "IsSoftError");
    check(json.get("Exception").isNull() && json.get("InnerExceptions").isNull(), answer, "an Exception");
    JsonNode result = json.get("Result");
    String summary = summary(json);
    if (json.get("success").booleanValue()) {
      // the one success without a Summary: a tenant on another pod is sent there (Result.PodFqdn alone)
      boolean podRedirect = result.isObject() && result.size() == 1 && result.path("PodFqdn").isTextual();
      check(result.isObject() && (summary != null || podRedirect), answer, "success without a Result.Summary");
      check(json.get("Message").isNull() && json.get("ErrorID").isNull(), answer, "success with an error");
    } else {
      check(json.get("Message").isTextual() && !json.get("Message").textValue().isBlank(), answer, "a failure without a Message");
      check(json.get("ErrorID").isTextual() && ERROR_ID.matcher(json.get("ErrorID").textValue()).matches(), answer,
          "a failure without a vendor-like ErrorID");
      // never Result: null (clients read Result.Summary on every answer)
      check(noResult || (summary != null && CYBERARK_FAILURES.contains(summary)), answer, "a failure's Result");
    }
    return json;
  }

  /** The Result.Summary of a CyberArk answer, or null. */
  static String summary(JsonNode json) {
    JsonNode summary = json.path("Result").path("Summary");
    return summary.isTextual() ? summary.textValue() : null;
  }

  /** IronVest: 200 (processing, decision, application error), 403 or 422 with an error, 503 only where allowed. */
  static Kind ironVest(Answer answer, int requestBytes, boolean unavailableAllowed) {
    JsonNode json = common(answer, requestBytes, unavailableAllowed);
    switch (answer.status()) {
      case 200 -> {
        if (json.has("errorMessage")) {
          check(json.get("errorMessage").isTextual(), answer, "errorMessage not a string");
          if (!"processing".equals(json.get("errorMessage").textValue())) {
            check(json.size() == 1, answer, "an application error with other fields");
            return Kind.APPLICATION_ERROR;
          }
          JsonNode retry = json.get("retryAfterMS");
          check(retry == null || (retry.isIntegralNumber() && retry.canConvertToInt() && retry.intValue() >= 0), answer,
              "retryAfterMS not a whole number of milliseconds");
          check(json.size() == (retry == null ? 1 : 2), answer, "processing with other fields");
          return Kind.PROCESSING;
        }
        check(json.path("success").isBoolean() && json.get("success").booleanValue(), answer, "a decision without success:true");
        check(json.path("verifiedAction").isBoolean(), answer, "a decision without verifiedAction");
        check(json.path("indicators").isObject(), answer, "a decision without indicators");
        check(json.path("ivScore").isNumber(), answer, "a decision without ivScore");
        return Kind.DECISION;
      }
      case 403, 422, 503 -> {
        check(json.size() == 2 && json.path("success").isBoolean() && !json.get("success").booleanValue()
            && json.path("error").isTextual() && !json.get("error").textValue().isBlank(), answer, "an error body");
        check(answer.status() != 503 || answer.retryAfter() != null, answer, "a 503 without Retry-After");
        return answer.status() == 403 ? Kind.FORBIDDEN : answer.status() == 422 ? Kind.UNPROCESSABLE : Kind.UNAVAILABLE;
      }
      default -> throw new AssertionError("an IronVest status the contract does not allow: " + show(answer));
    }
  }

  /**
   * No secret of the data (a password, a code, an API key) in an answer, unless the request showed it outside its
   * secret fields: an echoed field such as a TenantId or a sessionData key may hold any text.
   */
  static void keepsSecrets(Answer answer, JsonNode json, String requestShown, List<String> secrets) {
    texts(json, text -> secrets.forEach(secret -> check(!text.contains(secret) || requestShown.contains(secret), answer,
        "a secret of the data in the answer")));
  }

  private static void texts(JsonNode node, Consumer<String> check) {
    if (node.isTextual()) {
      check.accept(node.textValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      check.accept(field.getKey());
      if (!RANDOM_IDS.contains(field.getKey())) {
        texts(field.getValue(), check);
      }
    }
    if (node.isArray()) {
      node.forEach(element -> texts(element, check));
    }
  }

  /** What an IronVest answer is, for the rules about sequences. */
  enum Kind { PROCESSING, DECISION, APPLICATION_ERROR, FORBIDDEN, UNPROCESSABLE, UNAVAILABLE }

  static void check(boolean rule, Answer answer, String broken) {
    if (!rule) {
      throw new AssertionError(broken + ": " + show(answer));
    }
  }

  /** Every field name and text: short, printable, without markup (never an echo of hostile text). */
  private static void safeTexts(JsonNode node, Answer answer) {
    if (node.isTextual()) {
      safe(node.textValue(), answer);
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      safe(field.getKey(), answer);
      safeTexts(field.getValue(), answer);
    }
    if (node.isArray()) {
      node.forEach(element -> safeTexts(element, answer));
    }
  }

  private static void safe(String text, Answer answer) {
    check(text.length() <= MAX_TEXT, answer, "a text of " + text.length() + " characters");
    check(text.chars().noneMatch(Character::isISOControl), answer, "a control character in a text");
    check(text.indexOf('<') < 0 && text.indexOf('>') < 0, answer, "markup in a text");
  }

  static String show(Answer answer) {
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    return answer.status() + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
  }
}
