package dev.idvharness.stub.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.idvharness.stub.StubState;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.cyberark.CyberArkRoute;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The vendor logic as the WireMock transformers call it ({@code VendorTransformer.transform}), without WireMock and
 * without the transformer's catch-all, so that an exception is a finding rather than a quiet error answer: the body
 * is parsed by {@link Json#parseObject} only when it is declared JSON, the profile plans the request, the vendor
 * logic answers and the {@code Responder} renders the answer. The profile is {@code none.json}: no delay, no fault.
 */
final class InProcessStub {

  static final Path ROOT = Path.of("stubs");

  /** What the client would receive, with the body the stub parsed (null when it was not a JSON object). */
  record Answer(int status, byte[] body, String contentType, String retryAfter, ObjectNode parsedRequest) {}

  private final StubState state = StubState.load(ROOT, ROOT.resolve("profiles/none.json"));

  /** The documented paths, as a client on the loopback calls them. */
  private static final CyberArkRoute ROUTE = new CyberArkRoute(false, "127.0.0.1:8080");

  /** Every input starts from an empty stub: its sequence of requests alone decides the answers. */
  void forgetSessions() {
    state.cyberArk().sessions().clear();
    state.ironVest().sessions().clear();
    state.ironVest().enrolledUsers().clear();
    state.clients().reset();
  }

  /** StartAuthenticationTransformer; null when the body is unreadable (the transformer answers that alone). */
  Answer startAuthentication(byte[] body, boolean declaredJson, long arrivedAt) {
    ObjectNode parsed = parse(body, declaredJson);
    return parsed == null ? null
        : serve(Endpoint.CYBERARK_START, parsed, arrivedAt, (plan, call) -> state.cyberArk().startAuthentication(parsed, ROUTE, call));
  }

  /** SendIdentityVerificationTransformer; null when the body is unreadable. */
  Answer sendIdentityVerification(byte[] body, boolean declaredJson, long arrivedAt) {
    ObjectNode parsed = parse(body, declaredJson);
    return parsed == null ? null
        : serve(Endpoint.CYBERARK_SEND, parsed, arrivedAt, (plan, call) -> state.cyberArk().sendIdentityVerification(parsed, plan, ROUTE, call));
  }

  /** ValidateTransformer: {@code apiKeys} are the values of the apikey headers. */
  Answer validate(List<String> apiKeys, byte[] body, boolean declaredJson, long arrivedAt) {
    ObjectNode parsed = parse(body, declaredJson);
    return serve(Endpoint.IRONVEST_VALIDATE, parsed, arrivedAt, (plan, call) -> state.ironVest().validate(apiKeys, parsed, plan, call));
  }

  private static ObjectNode parse(byte[] body, boolean declaredJson) {
    return declaredJson ? Json.parseObject(body).orElse(null) : null;
  }

  private Answer serve(String endpoint, ObjectNode parsed, long arrivedAt, BiFunction<Plan, ClientCall, Reply> vendor) {
    Plan plan = state.responder().plan(endpoint, arrivedAt);
    if (plan.fault() != null) {
      throw new IllegalStateException("profiles/none.json planned a fault");
    }
    // the client report sees every call too: its bookkeeping is fuzzed with the vendor logic
    ClientCall call = new ClientCall(endpoint.startsWith("ironvest") ? "ironvest" : "cyberark", endpoint, null);
    Reply reply = vendor.apply(plan, call);
    state.clients().record(call, reply, plan.answeredAt(), parsed == null ? 0 : parsed.hashCode());
    ResponseDefinition response = state.responder().render(plan, reply);
    return new Answer(response.getStatus(), response.getByteBody(), header(response, "Content-Type"),
        header(response, "Retry-After"), parsed);
  }

  private static String header(ResponseDefinition response, String name) {
    HttpHeader header = response.getHeaders() == null ? null : response.getHeaders().getHeader(name);
    return header != null && header.isPresent() ? header.firstValue() : null;
  }
}
