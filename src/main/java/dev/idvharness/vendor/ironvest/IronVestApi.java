package dev.idvharness.vendor.ironvest;

/** IronVest AuthenticAction's names, one place for the clients, the load chains and the stub. */
public final class IronVestApi {

  public static final String VALIDATE = "/v1/validate";
  /** The organisation's key travels in this header (lower case, as the vendor's page writes it). */
  public static final String API_KEY_HEADER = "apikey";
  /** The errorMessage that means: call again later (retryAfterMS says when). */
  public static final String PROCESSING = "processing";

  private IronVestApi() {}
}
