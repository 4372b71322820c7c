package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validate body that passed the checks of contract 2.1; {@link #check} names the first problem otherwise. The older
 * names of earlier vendor docs are read too, {@code userID} for {@code uid} and {@code isEnrollment} for
 * {@code enrollment} ([client]); where both names are sent, the current one wins ([ours]).
 */
record ValidateRequest(String cid, String csid, String uid, List<Entry> sessionData, boolean enrollment) {

  static final int MAX_ID_LENGTH = 512;
  static final int MAX_ENTRIES = 1000;
  /** A key is echoed in iv_values_match_details: a form field name, never markup, control characters or a page. */
  static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N} _.:/\\[\\]-]{1,64}");

  /** A form field: its key, its value (string or number) and the other names it may be collected under. */
  record Entry(String key, JsonNode value, List<String> synonyms) {}

  /** Thrown with a message that names the field and what it must be: answered with 422. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static ValidateRequest check(ObjectNode body) throws Invalid {
    String cid = id(body, "cid");
    String csid = id(body, "csid");
    String uid = id(body, named(body, "uid", "userID"));
    JsonNode action = body.get("action");
    // an optional field sent as null is treated as absent, as most JSON writers emit unset fields that way
    if (action != null && !action.isNull() && !action.isTextual()) {
      throw new Invalid("action must be a string");
    }
    String enrollmentName = named(body, "enrollment", "isEnrollment");
    JsonNode enrollment = body.get(enrollmentName);
    if (enrollment != null && !enrollment.isNull() && !enrollment.isBoolean()) {
      throw new Invalid(enrollmentName + " must be a boolean");
    }
    JsonNode additional = body.get("additionalData");
    if (additional == null || !additional.isObject()) {
      throw new Invalid("additionalData is required and must be an object");
    }
    JsonNode sessionData = additional.get("sessionData");
    if (sessionData == null || !sessionData.isArray()) {
      throw new Invalid("additionalData.sessionData is required and must be a list (it may be empty)");
    }
    if (sessionData.size() > MAX_ENTRIES) {
      throw new Invalid("additionalData.sessionData has more than " + MAX_ENTRIES + " entries");
    }
    List<Entry> entries = new ArrayList<>(sessionData.size());
    for (int i = 0; i < sessionData.size(); i++) {
      entries.add(entry(sessionData.get(i), "additionalData.sessionData[" + i + "]"));
    }
    return new ValidateRequest(cid, csid, uid, entries, enrollment != null && enrollment.booleanValue());
  }

  /**
   * The name a field is read under: the current one unless it is absent (or null, as for any optional field) and the
   * older one is sent. Checks and 422 messages then name the field as the request spelled it.
   */
  private static String named(ObjectNode body, String current, String older) {
    JsonNode node = body.get(current);
    return (node == null || node.isNull()) && body.has(older) ? older : current;
  }

  private static Entry entry(JsonNode node, String where) throws Invalid {
    if (!node.isObject()) {
      throw new Invalid(where + " must be an object with key, value and synonyms");
    }
    JsonNode key = node.get("key");
    if (key == null || !key.isTextual() || key.textValue().isEmpty()) {
      throw new Invalid(where + ".key is required and must be a non-empty string");
    }
    if (!KEY.matcher(key.textValue()).matches()) {
      throw new Invalid(where + ".key must be a field name: 1 to 64 letters, digits, spaces or _ . : / [ ] -");
    }
    JsonNode value = node.get("value");
    if (value == null || !(value.isTextual() || isFiniteNumber(value))) {
      throw new Invalid(where + ".value is required and must be a string or a decimal number");
    }
    JsonNode synonyms = node.get("synonyms");
    List<String> names = new ArrayList<>();
    if (synonyms != null && !synonyms.isNull()) {
      if (!synonyms.isArray()) {
        throw new Invalid(where + ".synonyms must be a list of strings");
      }
      for (JsonNode synonym : synonyms) {
        if (!synonym.isTextual()) {
          throw new Invalid(where + ".synonyms must be a list of strings");
        }
        names.add(synonym.textValue());
      }
    }
    return new Entry(key.textValue(), value, names);
  }

  /** 1e400 parses as an infinite double, which has no decimal value to compare. */
  private static boolean isFiniteNumber(JsonNode value) {
    return value.isNumber() && !(value.isDouble() && Double.isInfinite(value.doubleValue()));
  }

  private static String id(ObjectNode body, String field) throws Invalid {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
      throw new Invalid(field + " is required and must be a non-empty string");
    }
    if (node.textValue().length() > MAX_ID_LENGTH) {
      throw new Invalid(field + " is longer than " + MAX_ID_LENGTH + " characters");
    }
    return node.textValue();
  }
}
