package dev.idvharness.stub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer a hostile request must get: the contract's answer, or the documented normal one. */
enum Expect {
  /** CyberArk: HTTP 200, success false, a Message and a vendor-like ErrorID (contract 1.4). */
  CYBERARK_FAILURE(200),
  NEW_PACKAGE(200),
  LOGIN_SUCCESS(200),
  /** IronVest: a body it cannot use (contract 2.2). */
  UNPROCESSABLE(422),
  /** IronVest: apikey missing, unknown or ambiguous. */
  FORBIDDEN(403),
  /** IronVest: the verdict of a decided csid. */
  DECISION(200),
  PROCESSING(200),
  /** fallbacks.json: a small JSON 405 for another method on a vendor path. */
  METHOD_NOT_ALLOWED(405),
  /** fallbacks.json: a small JSON 404 for any other path. */
  NOT_FOUND(404),
  /** Jetty refuses the request line before WireMock sees it: the fallbacks' JSON shape with the reason phrase. */
  JETTY_BAD_REQUEST(400),
  /** Jetty refuses headers over its size limit (32 KiB in all, as WireMock sets it) before WireMock: the same shape. */
  JETTY_HEADERS_TOO_LARGE(431);

  private static final String ERROR_ID = "^[0-9a-f-]{36}:[0-9a-f]+$";

  final int status;

  Expect(int status) {
    this.status = status;
  }

  void check(HttpAnswer answer, String context) {
    String what = context + ", answer " + answer;
    assertThat(answer.status()).as("status: %s", what).isEqualTo(status);
    if (answer.body().length == 0) {
      assertThat(this).as("only a HEAD answer may be empty: %s", what).isEqualTo(METHOD_NOT_ALLOWED);
      return;
    }
    JsonNode body = answer.json();
    switch (this) {
      case CYBERARK_FAILURE -> {
        assertThat(body.path("success").asText()).as("success: %s", what).isEqualTo("false");
        assertThat(body.path("Message").asText()).as("Message: %s", what).isNotBlank();
        assertThat(body.path("ErrorID").asText()).as("ErrorID: %s", what).matches(ERROR_ID);
      }
      case NEW_PACKAGE, LOGIN_SUCCESS -> {
        assertThat(body.path("success").asText()).as("success: %s", what).isEqualTo("true");
        assertThat(body.at("/Result/Summary").asText()).as("Summary: %s", what)
            .isEqualTo(this == NEW_PACKAGE ? "NewPackage" : "LoginSuccess");
      }
      case UNPROCESSABLE, FORBIDDEN, METHOD_NOT_ALLOWED, NOT_FOUND -> {
        assertThat(body.path("success").asText()).as("success: %s", what).isEqualTo("false");
        assertThat(body.path("error").asText()).as("error: %s", what).isNotBlank();
        if (this == METHOD_NOT_ALLOWED) {
          assertThat(answer.header("Allow")).as("Allow: %s", what).hasValue("POST");
        }
      }
      case DECISION -> {
        assertThat(body.path("success").asText()).as("success: %s", what).isEqualTo("true");
        assertThat(body.path("verifiedAction").isBoolean()).as("verifiedAction: %s", what).isTrue();
      }
      case JETTY_BAD_REQUEST, JETTY_HEADERS_TOO_LARGE -> {
        assertThat(body.path("success").asText()).as("success: %s", what).isEqualTo("false");
        assertThat(body.path("error").asText()).as("error: %s", what)
            .isEqualTo(this == JETTY_BAD_REQUEST ? "Bad Request" : "Request Header Fields Too Large");
      }
      case PROCESSING -> assertThat(body.path("errorMessage").asText()).as("errorMessage: %s", what).isEqualTo("processing");
      default -> throw new IllegalStateException(name());
    }
  }
}
