package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.clients.ClientReport;
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

  public static final String VENDOR = "cyberark";

  public StartAuthenticationTransformer(Responder responder, ClientReport clients,
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
    return VENDOR;
  }

  @Override
  protected String endpoint(ObjectNode body) {
    return Endpoint.CYBERARK_START;
  }

  @Override
  protected Reply answer(Request request, ObjectNode body, Plan plan, ClientCall call) {
    return body == null ? Envelope.refusedStart(UNREADABLE_REASON, UNREADABLE)
        : authenticator.startAuthentication(body, CyberArkRoute.of(request), call);
  }

  @Override
  protected Reply internalError() {
    // our fault, not the client's: no refusal reason
    return Envelope.refusedStart(null, INTERNAL_ERROR);
  }

  static final String UNREADABLE_REASON = "body is not a JSON object";
  static final String UNREADABLE =
      "The request could not be read: send a JSON object with Content-Type: application/json.";
  static final String INTERNAL_ERROR = "The request could not be processed.";

  @Override
  protected Reply unavailable(Integer retryAfterSeconds) {
    return CyberArkErrors.unavailable(retryAfterSeconds);
  }
}
