package dev.idvharness.vendor.cyberark;

/**
 * CyberArk Identity's names, one place for the clients, the load chains and the stub: the documented paths, the
 * paths of the vendor's SDKs, the header its clients send, and the actions of SendIdentityVerification.
 */
public final class CyberArkApi {

  /** The documented operations live under this prefix. */
  public static final String DIRECTORY_PREFIX = "/CDirectoryService/";
  public static final String START = DIRECTORY_PREFIX + "StartAuthentication";
  public static final String SEND = DIRECTORY_PREFIX + "SendIdentityVerification";
  /** ark-sdk-python and conjur-cli-go call the same operations under /Security/. */
  public static final String SECURITY_PREFIX = "/Security/";
  public static final String NATIVE_CLIENT_HEADER = "X-IDAP-NATIVE-CLIENT";

  public static final String ANSWER = "Answer";
  public static final String START_OOB = "StartOOB";
  public static final String POLL = "Poll";

  private CyberArkApi() {}
}
