package dev.idvharness.stub.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Assertions on the CyberArk answer envelope (contract 1.1 and 1.4). */
final class CyberArkEnvelope {

  static final String AUTH_FAILED =
      "Authentication (login or challenge) has failed. Please try again or contact your system administrator.";
  private static final List<String> ERROR_FIELDS =
      List.of("Message", "MessageID", "Exception", "ErrorID", "ErrorCode", "InnerExceptions");
  private static final String ERROR_ID = "^[0-9a-f-]{36}:[0-9a-f]+$";

  private CyberArkEnvelope() {}

  /** A success whose Result.Summary is {@code summary}; returns the Result. */
  static JsonNode succeeded(JsonNode body, String summary) {
    assertThat(body.path("success").asBoolean()).as("success of %s", body).isTrue();
    for (String field : ERROR_FIELDS) {
      assertThat(body.path(field).isNull()).as("%s is null in %s", field, body).isTrue();
    }
    assertThat(body.path("IsSoftError").isBoolean() && !body.path("IsSoftError").booleanValue())
        .as("IsSoftError is false in %s", body).isTrue();
    assertThat(body.path("Result").path("Summary").asText()).as("Summary of %s", body).isEqualTo(summary);
    return body.get("Result");
  }

  /** A failure with a non-empty Message and a vendor-like ErrorID; returns the Message. */
  static String failed(JsonNode body) {
    assertThat(body.path("success").isBoolean() && !body.path("success").booleanValue())
        .as("success is false in %s", body).isTrue();
    assertThat(body.path("Message").asText()).as("Message of %s", body).isNotBlank();
    assertThat(body.path("ErrorID").asText()).as("ErrorID of %s", body).matches(ERROR_ID);
    return body.get("Message").asText();
  }

  /** A failure with {@code Result: {Summary}} and the authentication-failed Message. */
  static void authenticationFailed(JsonNode body, String summary) {
    assertThat(failed(body)).isEqualTo(AUTH_FAILED);
    assertThat(body.path("Result").path("Summary").asText()).as("Summary of %s", body).isEqualTo(summary);
  }

  /** A refused advance, {@code Result: {Summary: "Failure"}} (clients read it on every answer); returns the Message. */
  static String rejected(JsonNode body) {
    String message = failed(body);
    assertThat(body.path("Result").path("Summary").asText()).as("Result.Summary in %s", body).isEqualTo("Failure");
    return message;
  }

  /** A refused StartAuthentication: no Result key, as the vendor's fixture; returns the Message. */
  static String rejectedStart(JsonNode body) {
    String message = failed(body);
    assertThat(body.has("Result")).as("a Result key in %s", body).isFalse();
    return message;
  }
}
