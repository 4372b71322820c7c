package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import dev.idvharness.stub.clients.ClientCall;
import dev.idvharness.stub.clients.ClientReport;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.serve.Plan;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.Responder;
import dev.idvharness.stub.serve.VendorTransformer;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.util.List;

/**
 * {@code POST /v1/validate} with header {@code apikey} (any case). Mapping: {@code "transformers": ["ironvest-validate"]}.
 * DO NOT REGISTER directly: {@code IdvStubExtensions} creates it with the server's shared state.
 */
public final class ValidateTransformer extends VendorTransformer {

  public static final String NAME = "ironvest-validate";
  /** The vendor's name in the client report. */
  public static final String VENDOR = "ironvest";

  private final IronVestValidator validator;

  public ValidateTransformer(Responder responder, ClientReport clients, IronVestValidator validator) {
    super(responder, clients);
    this.validator = validator;
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
    return Endpoint.IRONVEST_VALIDATE;
  }

  @Override
  protected Reply answer(Request request, ObjectNode body, Plan plan, ClientCall call) {
    HttpHeader apiKey = request.header(IronVestApi.API_KEY_HEADER);
    return validator.validate(apiKey.isPresent() ? apiKey.values() : List.of(), body, plan, call);
  }

  @Override
  protected Reply internalError() {
    return Reply.status(422, IronVestErrors.body("Unprocessable Entity"));
  }

  @Override
  protected Reply unavailable(Integer retryAfterSeconds) {
    return IronVestErrors.unavailable(retryAfterSeconds);
  }

  @Override
  protected List<String> callerHeaders() {
    return List.of(IronVestApi.API_KEY_HEADER);
  }
}
