package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.clients.ClientReport;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.Responder;
import dev.idvharness.stub.serve.VendorTransformer;

/**
 * {@code POST /CDirectoryService/SendIdentityVerification} (and the SDKs' {@code /Security/AdvanceAuthentication}):
 * Answer, StartOOB and Poll, with latency per action.
 * Mapping: {@code "transformers": ["cyberark-send-identity-verification"]}.
 * DO NOT REGISTER directly: {@code IdvStubExtensions} creates it with the server's shared state.
 */
public final class SendIdentityVerificationTransformer extends VendorTransformer {

  public static final String NAME = "cyberark-send-identity-verification";

  private final CyberArkAuthenticator authenticator;

  public SendIdentityVerificationTransformer(Responder responder, ClientReport clients,
      CyberArkAuthenticator authenticator) {
    super(responder, clients);
    this.authenticator = authenticator;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected String vendor() {
    return StartAuthenticationTransformer.VENDOR;
  }

  @Override
  protected String endpoint(ObjectNode body) {
    return body == null ? Endpoint.CYBERARK_SEND : Action.endpointOf(Json.text(body, "Action"));
  }

  @Override
  protected Reply answer(Request request, ObjectNode body, Plan plan, ClientCall call) {
    return body == null
        ? Envelope.refusedAdvance(StartAuthenticationTransformer.UNREADABLE_REASON,
            StartAuthenticationTransformer.UNREADABLE)
        : authenticator.sendIdentityVerification(body, plan, CyberArkRoute.of(request), call);
  }

  @Override
  protected Reply internalError() {
    return Envelope.refusedAdvance(null, StartAuthenticationTransformer.INTERNAL_ERROR);
  }

  @Override
  protected Reply unavailable(Integer retryAfterSeconds) {
    return CyberArkErrors.unavailable(retryAfterSeconds);
  }
}
