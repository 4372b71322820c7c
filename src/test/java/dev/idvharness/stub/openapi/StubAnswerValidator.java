package dev.idvharness.stub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idvharness.client.Exchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Checks a stub's answer against the OpenAPI description {@code docs/openapi/idv-stubs.json}. The check itself is
 * vertx-openapi's {@link ResponseValidator} (OpenAPI 3.1, JSON Schema 2020-12): status, declared headers, content type
 * and body schema of the operation. This class only finds the operation: the path exactly as sent (no normalising:
 * {@code /v1//validate} is another path), then the method; a path that no item matches is answered by the item
 * {@value #ANY_OTHER_PATH}, which the description declares as the stand-in for every other path.
 *
 * <p>Left out, as the description says: Jetty's own refusals (400, 431: the fallbacks' JSON shape with the status's
 * reason phrase, before any path is known), WireMock's own admin API
 * (anything under {@code /__admin/} that the description does not name), and methods OpenAPI has no field for.
 */
public final class StubAnswerValidator implements AutoCloseable {

  public static final Path DESCRIPTION = Path.of("docs/openapi/idv-stubs.json");
  /** The path item that stands for every path outside the others and outside /__admin/, at any depth. */
  public static final String ANY_OTHER_PATH = "/{anyOtherPath}";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  /** Jetty's refusals before WireMock, by status: the only answer each may be. */
  private static final Map<Integer, String> JETTY_REFUSALS = Map.of(
      400, "{\"success\":false,\"error\":\"Bad Request\"}",
      431, "{\"success\":false,\"error\":\"Request Header Fields Too Large\"}");

  /** What became of one answer. */
  public record Verdict(Kind kind, String detail) {
    public enum Kind { CONFORMS, LEFT_OUT, BREAKS }

    public boolean breaks() {
      return kind == Kind.BREAKS;
    }
  }

  private record Route(Pattern path, Map<String, String> operations) {}

  private final Vertx vertx;
  private final ResponseValidator validator;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, String> anyOtherPath;

  private StubAnswerValidator(String description) {
    JsonNode paths = readTree(description).path("paths");
    Map<String, String> fallback = null;
    for (Iterator<Map.Entry<String, JsonNode>> items = paths.fields(); items.hasNext(); ) {
      Map.Entry<String, JsonNode> item = items.next();
      Map<String, String> operations = new HashMap<>();
      item.getValue().fields().forEachRemaining(field -> {
        if (METHODS.contains(field.getKey())) {
          operations.put(field.getKey().toUpperCase(Locale.ROOT), field.getValue().path("operationId").asText());
        }
      });
      if (item.getKey().equals(ANY_OTHER_PATH)) {
        fallback = operations;
      } else {
        // a path item marked x-idv-any-letter-case matches /security/advanceauthentication as /Security/...
        Pattern path = template(item.getKey());
        routes.add(new Route(item.getValue().path("x-idv-any-letter-case").asBoolean()
            ? Pattern.compile(path.pattern(), Pattern.CASE_INSENSITIVE) : path, operations));
      }
    }
    if (fallback == null) {
      throw new IllegalStateException("the description has no path item " + ANY_OTHER_PATH);
    }
    this.anyOtherPath = fallback;
    this.vertx = Vertx.vertx();
    try {
      OpenAPIContract contract = await(OpenAPIContract.from(vertx, new JsonObject(description)));
      this.validator = ResponseValidator.create(vertx, contract);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** The description in docs/ (the one file the jar's copy and the served document come from). */
  public static StubAnswerValidator load() {
    try {
      return new StubAnswerValidator(Files.readString(DESCRIPTION, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Verdict check(Exchange exchange) {
    String contentType = exchange.responseHeader("Content-Type").orElse(null);
    if (contentType != null && contentType.startsWith("application/json")
        && Objects.equals(JETTY_REFUSALS.get(exchange.status()), exchange.responseBody())) {
      return new Verdict(Verdict.Kind.LEFT_OUT, "Jetty's own refusal before WireMock (" + exchange.status() + ")");
    }
    String path = exchange.uri().getRawPath();
    String method = exchange.method().toUpperCase(Locale.ROOT);
    Map<String, String> operations = routes.stream().filter(route -> route.path().matcher(path).matches())
        .map(Route::operations).findFirst().orElse(null);
    boolean admin = path.equals("/__admin") || path.startsWith("/__admin/");
    if (operations == null && admin) {
      return new Verdict(Verdict.Kind.LEFT_OUT, "WireMock's own admin API: " + path);
    }
    if (operations == null) {
      operations = anyOtherPath;
    }
    String operationId = operations.get(method);
    if (operationId == null) {
      return admin || !METHODS.contains(method.toLowerCase(Locale.ROOT))
          ? new Verdict(Verdict.Kind.LEFT_OUT, "no operation " + method + " " + path + " (WireMock's own answer)")
          : new Verdict(Verdict.Kind.BREAKS, "the description has no operation " + method + " " + path);
    }
    String body = exchange.responseBody();
    boolean noBody = body == null || body.isEmpty();
    ValidatableResponse response = ValidatableResponse.create(exchange.status(), firstValues(exchange),
        noBody ? null : Buffer.buffer(body), noBody ? null : contentType == null ? "(none)" : contentType);
    try {
      await(validator.validate(response, operationId));
      return new Verdict(Verdict.Kind.CONFORMS, operationId);
    } catch (RuntimeException broken) {
      return new Verdict(Verdict.Kind.BREAKS, operationId + ": " + broken.getMessage());
    }
  }

  @Override
  public void close() {
    vertx.close();
  }

  private static Map<String, String> firstValues(Exchange exchange) {
    Map<String, String> headers = new HashMap<>();
    exchange.responseHeaders().forEach((name, values) -> {
      if (name != null && !values.isEmpty()) {
        headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    return headers;
  }

  /** {@code /a/{b}/c} as a pattern for a raw path: literal parts exactly, a template segment as one segment. */
  private static Pattern template(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("vertx-openapi gave no verdict in 30 s", e);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
