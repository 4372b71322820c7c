package com.example.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A team's own code: before a payment leaves, ask IronVest whether the user who confirmed it is the account's owner.
 * It repeats the call while IronVest answers "processing", waiting the retryAfterMS it is given.
 */
public final class PaymentVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CALLS = 20;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI validate;
  private final String cid;
  private final String apiKey;

  public PaymentVerifier(String ironVestBaseUrl, String cid, String apiKey) {
    this.validate = URI.create(ironVestBaseUrl + "/v1/validate");
    this.cid = cid;
    this.apiKey = apiKey;
  }

  /** True when IronVest verified the action; false when it did not. */
  public boolean verify(String csid, String uid, double amount) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("cid", cid, "csid", csid, "uid", uid, "action", "payment",
        "additionalData", Map.of("sessionData", List.of(Map.of("key", "amount", "value", amount)))));
    for (int call = 0; call < MAX_CALLS; call++) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(validate)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("apikey", apiKey)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("IronVest answered HTTP " + response.statusCode());
      }
      JsonNode answer = JSON.readTree(response.body());
      if (!"processing".equals(answer.path("errorMessage").asText(null))) {
        return answer.path("verifiedAction").asBoolean(false);
      }
      Thread.sleep(answer.path("retryAfterMS").asLong(200));
    }
    throw new IOException("IronVest still processing after " + MAX_CALLS + " calls");
  }
}
