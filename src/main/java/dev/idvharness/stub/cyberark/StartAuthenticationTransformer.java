package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.Responder;
import dev.idvharness.stub.serve.VendorTransformer;

/**
 * {@code POST /CDirectoryService/StartAuthentication}, and {@code /Security/StartAuthentication} as the vendor's SDKs
 * call it. Mapping: {@code "transformers": ["cyberark-start-authentication"]}.
 * DO NOT REGISTER directly: {@code IdvStubExtensions} creates it with the server's shared state.
 */
public final class StartAuthenticationTransformer extends VendorTransformer {

  public static final String NAME = "cyberark-start-authentication";

  private final CyberArkAuthenticator authenticator;

  public StartAuthenticationTransformer(Responder responder, CyberArkAuthenticator authenticator) {
    super(responder);
    this.authenticator = authenticator;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected String endpoint(ObjectNode body) {
    return Endpoint.CYBERARK_START;
  }

  @Override
  protected Reply answer(Request request, ObjectNode body, Plan plan) {
    return body == null ? unreadable() : authenticator.startAuthentication(body, CyberArkRoute.of(request));
  }

  @Override
  protected Reply internalError() {
    return Envelope.error("The request could not be processed.");
  }

  static Reply unreadable() {
    return Envelope.error(
        "The request could not be read: send a JSON object with Content-Type: application/json.");
  }
}
