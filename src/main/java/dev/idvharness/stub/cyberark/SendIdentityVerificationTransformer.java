package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
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

  public SendIdentityVerificationTransformer(Responder responder, CyberArkAuthenticator authenticator) {
    super(responder);
    this.authenticator = authenticator;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected String endpoint(ObjectNode body) {
    return body == null ? Endpoint.CYBERARK_SEND : Action.endpointOf(Json.text(body, "Action"));
  }

  @Override
  protected Reply answer(Request request, ObjectNode body, Plan plan) {
    return body == null
        ? StartAuthenticationTransformer.unreadable()
        : authenticator.sendIdentityVerification(body, plan, CyberArkRoute.of(request));
  }

  @Override
  protected Reply internalError() {
    return Envelope.error("The request could not be processed.");
  }
}
