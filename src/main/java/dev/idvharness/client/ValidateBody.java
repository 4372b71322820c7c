package dev.idvharness.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Builds a validate request body (contract 2.1). Values are strings or decimals, as the vendor accepts both. */
public final class ValidateBody {

  private final ObjectNode body = AnswerJson.object();
  private final ArrayNode sessionData;

  private ValidateBody(String cid, String csid, String uid, String action) {
    body.put("cid", cid).put("csid", csid).put("uid", uid).put("action", action);
    sessionData = body.putObject("additionalData").putArray("sessionData");
  }

  public static ValidateBody of(String cid, String csid, String uid, String action) {
    return new ValidateBody(cid, csid, uid, action);
  }

  public ValidateBody value(String key, String value, String... synonyms) {
    entry(key, synonyms).put("value", value);
    return this;
  }

  public ValidateBody value(String key, BigDecimal value, String... synonyms) {
    entry(key, synonyms).put("value", value);
    return this;
  }

  public ValidateBody enrollment(boolean enrollment) {
    body.put("enrollment", enrollment);
    return this;
  }

  /** The body as JSON; a copy, so callers may break it on purpose. */
  public ObjectNode json() {
    return body.deepCopy();
  }

  private ObjectNode entry(String key, String... synonyms) {
    ObjectNode entry = sessionData.addObject().put("key", key);
    ArrayNode names = entry.putArray("synonyms");
    for (String synonym : synonyms) {
      names.add(synonym);
    }
    return entry;
  }
}
