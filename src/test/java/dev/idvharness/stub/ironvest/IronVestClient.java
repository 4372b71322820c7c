package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.StubHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Test-side IronVest client: one validate call, or the calls of a csid until it is decided. */
final class IronVestClient {

  private final StubHttp http;

  IronVestClient(StubHttp http) {
    this.http = http;
  }

  HttpResponse<String> send(Validation validation) {
    return validation.apiKey() == null
        ? http.post(StubHttp.IRONVEST_VALIDATE, validation.body())
        : http.post(StubHttp.IRONVEST_VALIDATE, validation.body(), "apikey", validation.apiKey());
  }

  /** One call that must answer HTTP 200; returns its body. */
  JsonNode validate(Validation validation) {
    HttpResponse<String> response = send(validation);
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(200);
    return StubHttp.parse(response.body());
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
