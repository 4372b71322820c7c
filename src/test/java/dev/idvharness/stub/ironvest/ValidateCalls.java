package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.ArrayList;
import java.util.List;

/** Test-side validate calls to the IronVest stub: one call, or the calls of a csid until it is decided. */
final class ValidateCalls {

  private final StubHttp http;
  private final String path;

  ValidateCalls(IdvStubExtension stub) {
    this(stub, StubHttp.IRONVEST_VALIDATE);
  }

  /** Calls to another validate path, e.g. the older {@code /api/v1/validate}. */
  ValidateCalls(IdvStubExtension stub, String path) {
    this.http = new StubHttp(stub);
    this.path = path;
  }

  Exchange send(Validation validation) {
    return validation.apiKey() == null
        ? http.post(path, validation.body())
        : http.post(path, validation.body(), "apikey", validation.apiKey());
  }

  /** Any body and headers, for requests that are malformed on purpose. */
  Exchange post(String body, String... headers) {
    return http.post(path, body, headers);
  }

  Exchange get(String path) {
    return http.get(path);
  }

  /** One call that must answer HTTP 200; returns its body. */
  JsonNode validate(Validation validation) {
    Exchange response = send(validation);
    assertThat(response.status()).as("status of %s", response.responseBody()).isEqualTo(200);
    return StubHttp.parse(response.responseBody());
  }

  /** Calls until the answer is no longer "processing" (at most {@code maxCalls}); returns every answer. */
  List<JsonNode> untilDecided(Validation validation, int maxCalls) {
    List<JsonNode> answers = new ArrayList<>();
    do {
      answers.add(validate(validation));
    } while (isProcessing(answers.get(answers.size() - 1)) && answers.size() < maxCalls);
    return answers;
  }

  /** The final answer of a csid. */
  JsonNode decide(Validation validation) {
    List<JsonNode> answers = untilDecided(validation, 20);
    return answers.get(answers.size() - 1);
  }

  static boolean isProcessing(JsonNode answer) {
    return "processing".equals(answer.path("errorMessage").asText(null));
  }
}
