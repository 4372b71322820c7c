package dev.idvharness.stub.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check of every stub answer must catch an answer outside the description: made-up answers that the stub never
 * gives break it, the stub's own shapes conform, and what the description leaves out (Jetty's refusals, WireMock's
 * admin API) is left out and nothing else.
 */
class StubAnswerValidatorTest {

  private static final String JSON_UTF8 = "application/json; charset=utf-8";
  private static final String ENVELOPE_NULLS = "\"MessageID\":null,\"Exception\":null,\"ErrorCode\":null,"
      + "\"IsSoftError\":false,\"InnerExceptions\":null";
  private static final String ERROR_ID = "\"ErrorID\":\"214e7352-fdd3-92a9-7ff0-0153ec21e231:336f35be02ae136c\"";

  private static StubAnswerValidator validator;

  @BeforeAll
  static void load() {
    validator = StubAnswerValidator.load();
  }

  @AfterAll
  static void close() {
    validator.close();
  }

  /** Registered for every test class by junit-platform.properties and META-INF/services, not by this class. */
  @Test
  void theCheckIsOnWithoutAskingForIt() {
    assertThat(StubAnswers.installed()).isTrue();
  }

  @Test
  void madeUpAnswersOutsideTheDescriptionBreakIt() {
    assertBreaks(answer("POST", "/v1/validate", 200, JSON_UTF8, "{\"success\":true,\"verifiedAction\":\"yes\","
        + "\"indicators\":{},\"ivScore\":2000}"), "a decision of the wrong shape");
    assertBreaks(answer("POST", "/v1/validate", 200, JSON_UTF8,
        "{\"errorMessage\":\"processing\",\"retryAfterMS\":-5}"),
        "a negative retryAfterMS");
    assertBreaks(answer("POST", "/v1/validate", 502, JSON_UTF8, "{\"success\":false,\"error\":\"boom\"}"),
        "a status the operation does not have");
    assertBreaks(answer("POST", "/v1/validate", 503, JSON_UTF8, "{\"success\":false,\"error\":\"x\"}",
        "Retry-After", "soon"), "a Retry-After that is no number of seconds");
    assertBreaks(answer("POST", "/v1/validate", 403, "text/plain", "Forbidden"), "another content type");
    assertBreaks(answer("POST", "/CDirectoryService/SendIdentityVerification", 200, JSON_UTF8,
        "{\"success\":true,\"Result\":{\"Summary\":\"LoginSuccess\"},\"Message\":\"hello\",\"ErrorID\":null,"
            + ENVELOPE_NULLS + "}"), "a success with a Message");
    assertBreaks(answer("POST", "/CDirectoryService/StartAuthentication", 200, JSON_UTF8,
        "{\"success\":true,\"Result\":{\"Summary\":\"NewPackage\",\"TenantId\":\"ABC1234\",\"Version\":\"1.0\"},"
            + "\"Message\":null,\"ErrorID\":null," + ENVELOPE_NULLS + "}"), "a NewPackage without a session");
    assertBreaks(answer("GET", "/v1/validate", 405, "application/json", "{\"success\":false,\"error\":\"use POST\"}"),
        "a 405 without Allow");
    assertBreaks(answer("GET", "/no/such/path", 404, "text/html", "<h1>Request was not matched</h1>"),
        "WireMock's own page for an unmatched request");
    assertBreaks(answer("POST", "/v1/validate", 500, "text/html", "<h2>HTTP ERROR 500</h2>"),
        "Jetty's page for an escaped exception");
    assertBreaks(answer("GET", "/__admin/idv/stats", 200, "application/json", "{\"endpoints\":{}}"),
        "statistics without their sections");
  }

  @Test
  void theStubsOwnShapesConform() {
    assertConforms(answer("POST", "/v1/validate", 200, JSON_UTF8,
        "{\"errorMessage\":\"processing\",\"retryAfterMS\":100}"));
    assertConforms(answer("POST", "/v1/validate", 503, JSON_UTF8,
        "{\"success\":false,\"error\":\"Service Unavailable\"}", "Retry-After", "1"));
    assertConforms(answer("POST", "/v1/validate", 422, JSON_UTF8,
        "{\"success\":false,\"error\":\"Unprocessable Entity: cid is required and must be a non-empty string\"}"));
    assertConforms(answer("POST", "/CDirectoryService/StartAuthentication", 200, JSON_UTF8,
        "{\"success\":false,\"Result\":{\"Summary\":\"Undefined\"},\"Message\":\"User or UUID is required.\","
            + ERROR_ID + "," + ENVELOPE_NULLS + "}"));
    assertConforms(answer("HEAD", "/v1/validate", 405, null, null, "Allow", "POST"));
    assertConforms(answer("DELETE", "/v1//validate", 404, "application/json",
        "{\"success\":false,\"error\":\"Not Found\"}"));
    assertConforms(answer("GET", "/__admin/idv/sessions/ironvest/x", 404, "application/json",
        "{\"error\":\"no such live session\"}"));
  }

  @Test
  void onlyWhatTheDescriptionLeavesOutIsLeftOut() {
    assertThat(validator.check(answer("POST", "/v1/validate", 431, "application/json; charset=utf-8",
        "{\"success\":false,\"error\":\"Request Header Fields Too Large\"}")).kind())
        .isEqualTo(StubAnswerValidator.Verdict.Kind.LEFT_OUT);
    assertThat(validator.check(answer("POST", "/v1/validate%00", 400, "application/json; charset=utf-8",
        "{\"success\":false,\"error\":\"Bad Request\"}")).kind())
        .isEqualTo(StubAnswerValidator.Verdict.Kind.LEFT_OUT);
    // Jetty's HTML page is no longer what the stub sends: it breaks like any other HTML answer
    assertBreaks(answer("POST", "/v1/validate", 431, "text/html;charset=iso-8859-1",
        "<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too Large</pre>"), "431");
    assertThat(validator.check(answer("GET", "/__admin/mappings", 200, "application/json", "{\"mappings\":[]}")).kind())
        .isEqualTo(StubAnswerValidator.Verdict.Kind.LEFT_OUT);
  }

  /** The whole chain: an answer VendorHttp receives from a server that is not the stub fails the test it came in. */
  @Test
  void anAnswerOutsideTheDescriptionReachesTheTestThatReceivedIt() throws Exception {
    HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    impostor.createContext("/", exchange -> {
      byte[] body = "{\"verdict\":\"maybe\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", JSON_UTF8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    impostor.start();
    try {
      StubAnswers.install();
      StubAnswers.broken();
      new VendorHttp(Duration.ofSeconds(10), null).post(
          URI.create("http://127.0.0.1:" + impostor.getAddress().getPort() + "/v1/validate"),
          Map.of("Content-Type", "application/json"), "{}");

      List<String> broken = StubAnswers.broken();

      assertThat(broken).singleElement().asString()
          .contains("ironVestValidate")
          .contains("POST http://127.0.0.1:")
          .contains("{\"verdict\":\"maybe\"}");
    } finally {
      impostor.stop(0);
    }
  }

  private static void assertBreaks(Exchange answer, String what) {
    StubAnswerValidator.Verdict verdict = validator.check(answer);
    assertThat(verdict.kind()).as("%s: %s", what, verdict.detail()).isEqualTo(StubAnswerValidator.Verdict.Kind.BREAKS);
  }

  private static void assertConforms(Exchange answer) {
    StubAnswerValidator.Verdict verdict = validator.check(answer);
    assertThat(verdict.kind()).as("%s %s: %s", answer.method(), answer.uri(), verdict.detail())
        .isEqualTo(StubAnswerValidator.Verdict.Kind.CONFORMS);
  }

  private static Exchange answer(String method, String path, int status, String contentType, String body,
      String... headers) {
    Map<String, List<String>> responseHeaders = new java.util.LinkedHashMap<>();
    if (contentType != null) {
      responseHeaders.put("Content-Type", List.of(contentType));
    }
    for (int i = 0; i < headers.length; i += 2) {
      responseHeaders.put(headers[i], List.of(headers[i + 1]));
    }
    return new Exchange(method, URI.create("http://127.0.0.1:8089" + path), Map.of(), null, status, responseHeaders,
        body, Duration.ZERO);
  }
}
