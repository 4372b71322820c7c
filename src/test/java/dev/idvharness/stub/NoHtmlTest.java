package dev.idvharness.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.VendorHttp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No HTML, ever: a Throwable that escapes the code serving a request (forced here by an extension that exists only in
 * this test) gets a JSON answer in the vendor's shape, and the server keeps serving.
 */
class NoHtmlTest {

  private static final String HOOK = "X-Test-Throw";
  private static WireMockServer server;
  private static final VendorHttp http = new VendorHttp(Duration.ofSeconds(10), null);

  /** The test's hook: throws an Error (not a RuntimeException) from inside the serving of a request. */
  static final class Thrower implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      throw new StackOverflowError("forced by NoHtmlTest");
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "no-html-test-thrower";
    }
  }

  /** An admin route that throws, as a bug in admin code would. */
  static final class ThrowingAdminRoute implements AdminApiExtension {
    @Override
    public void contributeAdminApiRoutes(Router router) {
      router.add(RequestMethod.GET, "/idv/test-throw", (admin, event, params) -> {
        throw new IllegalStateException("forced by NoHtmlTest");
      });
    }

    @Override
    public String getName() {
      return "no-html-test-admin";
    }
  }

  @BeforeAll
  static void startWithTheHook() {
    StubState state = StubState.load(Path.of("stubs"), Path.of("stubs/profiles/none.json"));
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory("stubs")
        .extensionScanningEnabled(false)
        .extensions(new IdvStubExtensions(state))
        .extensions(new Thrower(), new ThrowingAdminRoute()));
    server.start();
    for (String path : new String[] {"/v1/validate", "/CDirectoryService/SendIdentityVerification"}) {
      server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withHeader(HOOK, equalTo("yes"))
          .willReturn(aResponse().withTransformers("no-html-test-thrower")));
    }
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/v1/validate, 500, success",
      "/CDirectoryService/SendIdentityVerification, 200, success"})
  void aThrowableInVendorCodeBecomesTheVendorsJsonAnswer(String path, int status, String field) {
    Exchange answer = http.post(URI.create(base() + path), Map.of("Content-Type", "application/json", HOOK, "yes"),
        "{}");

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode body = dev.idvharness.stub.json.Json.parseObject(answer.responseBody().getBytes()).orElseThrow();
    assertThat(body.path(field).isBoolean()).isTrue();
    assertThat(body.path(field).booleanValue()).isFalse();
    assertThat(answer.responseBody()).doesNotContain("<html").doesNotContain("StackOverflowError");
    assertThat(http.post(URI.create(base() + path), Map.of("Content-Type", "application/json"), "{}").status())
        .as("the server keeps serving").isIn(200, 403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/__admin/idv/test-throw"})
  void aThrowableInAdminCodeBecomesAJsonError(String path) {
    Exchange answer = http.send("GET", URI.create(base() + path), Map.of(), null, Duration.ofSeconds(10));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.responseBody()).contains("\"error\"").doesNotContain("<html").doesNotContain("IllegalState");
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }
}
