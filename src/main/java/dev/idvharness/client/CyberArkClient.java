package dev.idvharness.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.vendor.cyberark.CyberArkApi;
import java.net.URI;
import java.util.Map;

/**
 * StartAuthentication and SendIdentityVerification (contract 1.1), nothing more: the steps and loops drive it. Like
 * the vendor's clients it sends {@code X-IDAP-NATIVE-CLIENT: true}, and follows a {@code PodFqdn} answer to
 * StartAuthentication: the call is repeated on that pod, and the client talks to it from then on.
 */
public final class CyberArkClient {

  private static final Map<String, String> JSON =
      Map.of("Content-Type", "application/json", CyberArkApi.NATIVE_CLIENT_HEADER, "true");

  private final VendorHttp http;
  private volatile String baseUrl;
  private final String tenantId;

  public CyberArkClient(VendorHttp http, String baseUrl, String tenantId) {
    this.http = http;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.tenantId = tenantId;
  }

  public String tenantId() {
    return tenantId;
  }

  /** Starts, and repeats the call once on the tenant's pod when the answer names one. */
  public CyberArkAnswer startAuthentication(String user) {
    ObjectNode body = AnswerJson.object().put("TenantId", tenantId).put("User", user);
    CyberArkAnswer answer = post(CyberArkApi.START, body);
    java.util.Optional<String> pod = answer.podFqdn();
    if (pod.isEmpty()) {
      return answer;
    }
    baseUrl = CyberArkAnswer.podBaseUrl(baseUrl, pod.get());
    return post(CyberArkApi.START, body);
  }

  /** Where this client sends its requests: the configured URL, or the pod a StartAuthentication named. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Answer, StartOOB or Poll; {@code answer} is left out when null. */
  public CyberArkAnswer send(String action, String sessionId, String mechanismId, String answer) {
    ObjectNode body = request(action, sessionId, mechanismId);
    if (answer != null) {
      body.put("Answer", answer);
    }
    return post(CyberArkApi.SEND, body);
  }

  /** A Poll that gives up after {@code limit}: the poll loop passes what is left of its deadline. */
  public CyberArkAnswer poll(String sessionId, String mechanismId, java.time.Duration limit) {
    return CyberArkAnswer.of(http.post(URI.create(baseUrl + CyberArkApi.SEND), JSON,
        AnswerJson.write(request("Poll", sessionId, mechanismId)), limit));
  }

  /** The body {@link #send} would post, for callers that break it on purpose (error catalogue). */
  public ObjectNode request(String action, String sessionId, String mechanismId) {
    return AnswerJson.object().put("Action", action).put("MechanismId", mechanismId).put("SessionId", sessionId)
        .put("TenantId", tenantId);
  }

  public CyberArkAnswer post(String path, ObjectNode body) {
    return postRaw(path, AnswerJson.write(body), JSON);
  }

  /** Any body with any headers: for requests that are malformed on purpose. */
  public CyberArkAnswer postRaw(String path, String body, Map<String, String> headers) {
    return CyberArkAnswer.of(http.post(URI.create(baseUrl + path), headers, body));
  }
}
