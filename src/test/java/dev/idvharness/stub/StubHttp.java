package dev.idvharness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.Exchange;
import dev.idvharness.client.IronVestClient;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.vendor.cyberark.CyberArkApi;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Test helper: plain calls to a stub's paths through {@link VendorHttp}, and the JSON of their answers. */
public final class StubHttp {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String CYBERARK_START = CyberArkApi.START;
  public static final String CYBERARK_SEND = CyberArkApi.SEND;
  public static final String IRONVEST_VALIDATE = IronVestApi.VALIDATE;

  private final VendorHttp http;
  private final Supplier<String> baseUrl;

  /** Calls to the stub of an extension, wherever it runs when a call is made. */
  public StubHttp(IdvStubExtension stub) {
    this(stub::baseUrl, Duration.ofSeconds(30));
  }

  /** Calls to a stub at a known address that give up after {@code timeout}. */
  public StubHttp(String baseUrl, Duration timeout) {
    this(() -> baseUrl, timeout);
  }

  private StubHttp(Supplier<String> baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.http = new VendorHttp(timeout, null);
  }

  /** POST with Content-Type application/json and extra header name/value pairs (one named Content-Type replaces it). */
  public Exchange post(String path, String body, String... headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      all.put(headers[i], headers[i + 1]);
    }
    return http.send("POST", uri(path), all, body, http.timeout());
  }

  public Exchange get(String path) {
    return http.send("GET", uri(path), Map.of(), null, http.timeout());
  }

  public JsonNode postJson(String path, String body, String... headers) {
    return parse(post(path, body, headers).responseBody());
  }

  private URI uri(String path) {
    return URI.create(baseUrl.get() + path);
  }

  public static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** JSON text from a template with single quotes, so test bodies stay readable. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
