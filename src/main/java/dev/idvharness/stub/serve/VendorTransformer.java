package dev.idvharness.stub.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.idvharness.stub.json.Json;

/**
 * The shared shape of the vendor transformers: plan latency and faults first (a faulted request never reaches the
 * vendor logic), read the body only if it is declared JSON, and never let an exception become a 5xx.
 */
public abstract class VendorTransformer implements ResponseDefinitionTransformerV2 {

  private final Responder responder;

  protected VendorTransformer(Responder responder) {
    this.responder = responder;
  }

  /** The latency/statistics name of this request (may look into the body, e.g. the CyberArk Action). */
  protected abstract String endpoint(ObjectNode body);

  /** The vendor answer; {@code body} is null when the request did not carry a JSON object. */
  protected abstract Reply answer(Request request, ObjectNode body, Plan plan);

  /** What the vendor says when our own code failed: never a 5xx and never a stack trace. */
  protected abstract Reply internalError();

  @Override
  public final ResponseDefinition transform(ServeEvent serveEvent) {
    long arrivedAt = System.currentTimeMillis();
    Request request = serveEvent.getRequest();
    ObjectNode body = declaresJson(request) ? Json.parseObject(request.getBody()).orElse(null) : null;
    Plan plan = responder.plan(endpoint(body), arrivedAt);
    ResponseDefinition fault = responder.fault(plan);
    if (fault != null) {
      return fault;
    }
    Reply reply;
    try {
      reply = answer(request, body, plan);
    } catch (RuntimeException bug) {
      System.err.println("idv-stubs: " + getName() + " failed on a request: " + bug.getClass().getName());
      reply = internalError();
    }
    return responder.render(plan, reply);
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  private static boolean declaresJson(Request request) {
    ContentTypeHeader contentType = request.contentTypeHeader();
    if (contentType == null || !contentType.isPresent() || contentType.mimeTypePart() == null) {
      return false;
    }
    String mime = contentType.mimeTypePart().trim().toLowerCase(java.util.Locale.ROOT);
    return mime.equals("application/json") || mime.endsWith("+json");
  }
}
