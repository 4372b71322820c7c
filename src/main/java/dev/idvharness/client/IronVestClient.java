package dev.idvharness.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /v1/validate} with the organisation's apikey (contract 2.1), over HTTP or mTLS. */
public final class IronVestClient {


  private final VendorHttp http;
  private final URI validateUri;
  private final String apiKey;

  public IronVestClient(VendorHttp http, String baseUrl, String apiKey) {
    this.http = http;
    this.validateUri = URI.create(baseUrl.replaceAll("/+$", "") + IronVestApi.VALIDATE);
    this.apiKey = apiKey;
  }

  public IronVestAnswer validate(ObjectNode body) {
    return validateRaw(AnswerJson.write(body), headers(apiKey));
  }

  /** A validate call that gives up after {@code limit}: the loop passes what is left of its deadline. */
  public IronVestAnswer validate(ObjectNode body, java.time.Duration limit) {
    return IronVestAnswer.of(http.post(validateUri, headers(apiKey), AnswerJson.write(body), limit));
  }

  /** Any body with any headers: for requests that are malformed on purpose. */
  public IronVestAnswer validateRaw(String body, Map<String, String> headers) {
    return IronVestAnswer.of(http.post(validateUri, headers, body));
  }

  /** The usual headers with {@code apikey} set to {@code key}, or left out when null. */
  public static Map<String, String> headers(String key) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (key != null) {
      headers.put(IronVestApi.API_KEY_HEADER, key);
    }
    return headers;
  }

  public String apiKey() {
    return apiKey;
  }
}
