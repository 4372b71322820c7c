package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.clients.ClientReport;
import dev.idvharness.stub.json.Json;

/**
 * The shared shape of the vendor transformers: plan latency and faults first (a faulted request never reaches the
 * vendor logic), read the body only if it is declared JSON, never let an exception become a 5xx, and tell the client
 * report what the call showed.
 */
public abstract class VendorTransformer implements ResponseDefinitionTransformerV2 {

  private static final String JSON = "application/json";
  private static final String JSON_SUFFIX = "+json";

  private final Responder responder;
  private final ClientReport clients;

  protected VendorTransformer(Responder responder, ClientReport clients) {
    this.responder = responder;
    this.clients = clients;
  }

  /** The vendor's name in the client report. */
  protected abstract String vendor();

  /** The latency/statistics name of this request (may look into the body, e.g. the CyberArk Action). */
  protected abstract String endpoint(ObjectNode body);

  /**
   * The vendor answer; {@code body} is null when the request did not carry a JSON object. {@code call} takes what the
   * vendor logic learns of the client (who it is, its session, an early or a late call).
   */
  protected abstract Reply answer(Request request, ObjectNode body, Plan plan, ClientCall call);

  /** What the vendor says when our own code failed: never a 5xx and never a stack trace. */
  protected abstract Reply internalError();

  /** The vendor's 503, injected by a fault profile (with Retry-After when {@code retryAfterSeconds} is set). */
  protected abstract Reply unavailable(Integer retryAfterSeconds);

  @Override
  public final ResponseDefinition transform(ServeEvent serveEvent) {
    long arrivedAt = System.currentTimeMillis();
    Request request = serveEvent.getRequest();
    ObjectNode body = declaresJson(request.getHeader("Content-Type"))
        ? Json.parseObject(request.getBody()).orElse(null) : null;
    Plan plan = responder.plan(endpoint(body), arrivedAt);
    ResponseDefinition fault = responder.fault(plan, this::unavailable);
    if (fault != null) {
      return fault;
    }
    ClientCall call = new ClientCall(vendor(), plan.endpoint(), request.getHeader("User-Agent"));
    Reply reply;
    try {
      reply = answer(request, body, plan, call);
    } catch (SessionStates.Unavailable storeDown) {
      // the shared session store is away: the vendor's own "try again" (the store logs the outage once)
      reply = unavailable(1);
    } catch (RuntimeException bug) {
      System.err.println("idv-stubs: " + getName() + " failed on a request: " + bug.getClass().getName());
      reply = internalError();
    }
    // only a refusal needs to know whether it repeats one: the hash is not paid on the hot path
    clients.record(call, reply, plan.answeredAt(), reply.refused() ? fingerprint(request) : 0);
    return responder.render(plan, reply);
  }

  /** "The same request": the path in one case, the body's bytes and the headers that name the caller (FNV-1a). */
  private long fingerprint(Request request) {
    long hash = 0xcbf29ce484222325L;
    hash = fnv(hash, request.getUrl().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] body = request.getBody();
    hash = fnv(hash, body == null ? new byte[0] : body);
    for (String header : callerHeaders()) {
      String value = request.getHeader(header);
      hash = value == null ? hash : fnv(hash, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return hash;
  }

  /** The request headers that name the caller to this vendor (IronVest's apikey); none by default. */
  protected java.util.List<String> callerHeaders() {
    return java.util.List.of();
  }

  private static long fnv(long hash, byte[] bytes) {
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /**
   * The media type, before any parameter, is application/json or ends in +json (any case, spaces around it). Read
   * off the header's text in place: WireMock's ContentTypeHeader splits and copies it on every request.
   */
  static boolean declaresJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    int end = parameters < 0 ? contentType.length() : parameters;
    int start = 0;
    while (start < end && Character.isWhitespace(contentType.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(contentType.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    return length == JSON.length() && contentType.regionMatches(true, start, JSON, 0, length)
        || length >= JSON_SUFFIX.length() && contentType.regionMatches(true, end - JSON_SUFFIX.length(), JSON_SUFFIX, 0,
            JSON_SUFFIX.length());
  }
}
