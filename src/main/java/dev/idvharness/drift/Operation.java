package dev.idvharness.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.util.Locale;

/**
 * Which operation an exchange was, and which outcome its answer had: {@code cyberark.StartAuthentication/NewPackage},
 * {@code cyberark.SendIdentityVerification.Poll/OobPending}, {@code ironvest.validate/processing},
 * {@code ironvest.validate/403}. Answers are compared per operation and outcome.
 */
record Operation(String vendor, String name, String outcome) {

  static final String CYBERARK = "cyberark";
  static final String IRONVEST = "ironvest";

  /** {@code name/outcome}, the key of a shape. */
  String key() {
    return name + "/" + outcome;
  }

  static Operation of(Exchange exchange) {
    String path = exchange.uri() == null ? "" : exchange.uri().getPath();
    JsonNode answer = parse(exchange.responseBody());
    if (path.endsWith("/StartAuthentication")) {
      return new Operation(CYBERARK, "cyberark.StartAuthentication", cyberArkOutcome(exchange, answer));
    }
    if (path.endsWith("/SendIdentityVerification") || path.endsWith("/AdvanceAuthentication")) {
      return new Operation(CYBERARK, "cyberark.SendIdentityVerification." + action(exchange.requestBody()),
          cyberArkOutcome(exchange, answer));
    }
    if (path.endsWith("/validate")) {
      return new Operation(IRONVEST, "ironvest.validate", ironVestOutcome(exchange, answer));
    }
    return new Operation("other", "other " + path, String.valueOf(exchange.status()));
  }

  private static String cyberArkOutcome(Exchange exchange, JsonNode answer) {
    if (exchange.status() != 200 || answer == null || !answer.path("success").isBoolean()) {
      return String.valueOf(exchange.status());
    }
    if (!answer.path("success").booleanValue()) {
      return "failure";
    }
    JsonNode summary = answer.path("Result").path("Summary");
    return summary.isTextual() ? summary.textValue() : "success";
  }

  private static String ironVestOutcome(Exchange exchange, JsonNode answer) {
    if (exchange.status() != 200 || answer == null) {
      return String.valueOf(exchange.status());
    }
    JsonNode errorMessage = answer.path("errorMessage");
    if (errorMessage.isTextual()) {
      return "processing".equals(errorMessage.textValue()) ? "processing" : "application-error";
    }
    return answer.has("verifiedAction") ? "decision" : "other";
  }

  /** The request's Action as the harness sends it (Answer, StartOOB, Poll), or "other". */
  private static String action(String requestBody) {
    JsonNode request = parse(requestBody);
    String action = request == null ? "" : request.path("Action").asText("").toLowerCase(Locale.ROOT);
    return switch (action) {
      case "answer" -> "Answer";
      case "startoob" -> "StartOOB";
      case "poll" -> "Poll";
      default -> "other";
    };
  }

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = HarnessJson.MAPPER.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
