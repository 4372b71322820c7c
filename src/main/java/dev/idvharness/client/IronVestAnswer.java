package dev.idvharness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.util.OptionalLong;

/** An IronVest validate answer and what kind of answer of contract 2.2 it claims to be. */
public record IronVestAnswer(Exchange exchange, ObjectNode body) {

  public static final String PROCESSING = "processing";

  /** The rows of contract table 2.2, plus everything else. */
  public enum Kind { DECISION, PROCESSING, APPLICATION_ERROR, FORBIDDEN, UNPROCESSABLE, UNAVAILABLE, UNEXPECTED }

  public static IronVestAnswer of(Exchange exchange) {
    return new IronVestAnswer(exchange, AnswerJson.parseObject(exchange.responseBody()).orElse(null));
  }

  public int status() {
    return exchange.status();
  }

  public Kind kind() {
    return switch (status()) {
      case 403 -> Kind.FORBIDDEN;
      case 422 -> Kind.UNPROCESSABLE;
      case 503 -> Kind.UNAVAILABLE;
      case 200 -> kindOf200();
      default -> Kind.UNEXPECTED;
    };
  }

  private Kind kindOf200() {
    if (body == null) {
      return Kind.UNEXPECTED;
    }
    String errorMessage = AnswerJson.text(body, "errorMessage");
    if (errorMessage != null) {
      return PROCESSING.equals(errorMessage) ? Kind.PROCESSING : Kind.APPLICATION_ERROR;
    }
    return body.path("success").isBoolean() && body.path("success").booleanValue() ? Kind.DECISION : Kind.UNEXPECTED;
  }

  public String errorMessage() {
    return AnswerJson.text(body, "errorMessage");
  }

  /** {@code retryAfterMS} when it is a whole number; empty when absent. */
  public OptionalLong retryAfterMs() {
    JsonNode node = body == null ? null : body.get("retryAfterMS");
    return node != null && node.canConvertToLong() && node.isIntegralNumber()
        ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
  }

  /**
   * What is wrong with {@code retryAfterMS}, a contract break: not a whole number, or negative (the page asks to wait
   * the period, and a wait cannot be negative); null when it is absent or a wait.
   */
  public String badRetryAfter() {
    JsonNode node = body == null ? null : body.get("retryAfterMS");
    if (node == null) {
      return null;
    }
    if (retryAfterMs().isEmpty()) {
      return "retryAfterMS is not a whole number";
    }
    return node.longValue() < 0 ? "retryAfterMS is negative (" + node.longValue() + "): a wait cannot be" : null;
  }

  /** The Retry-After header of a 503 in milliseconds. */
  public OptionalLong retryAfterHeaderMs() {
    return IronVestValidateRule.retryAfterHeaderMs(exchange.responseHeader("Retry-After").orElse(null),
        ZonedDateTime.now());
  }

  /** {@code verifiedAction} of a decision, or null when absent or not a boolean. */
  public Boolean verifiedAction() {
    JsonNode node = body == null ? null : body.get("verifiedAction");
    return node != null && node.isBoolean() ? node.booleanValue() : null;
  }

  /** One indicator, e.g. {@code iv_user_enrolled}; a missing node when absent. */
  public JsonNode indicator(String name) {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : body.path("indicators").path(name);
  }
}
