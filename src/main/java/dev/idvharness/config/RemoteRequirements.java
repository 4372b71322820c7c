package dev.idvharness.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a remote run needs, checked up front (the first step of every Maven run, and again when a run opens its
 * target): at least one vendor, and for each vendor that is configured at all, every value it needs, given by the
 * user (a default is not a value of the vendor's). Any value that is set counts as set, even one equal to a stub
 * default (a warning says so). Every problem is named on one line.
 */
public final class RemoteRequirements {

  private static final List<Key<String>> CYBERARK = List.of(Keys.CYBERARK_TENANT_ID, Keys.CYBERARK_USER, Keys.CYBERARK_PASSWORD);
  private static final List<Key<String>> IRONVEST = List.of(Keys.IRONVEST_API_KEY, Keys.IRONVEST_CID, Keys.IRONVEST_UID,
      Keys.IRONVEST_CSID);

  private RemoteRequirements() {}

  /** Throws one line naming everything a remote configuration lacks; does nothing for a local one. */
  public static void check(HarnessConfig config) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException("harness.target=remote: " + String.join("; ", problems));
    }
  }

  static List<String> problems(HarnessConfig config) {
    List<String> problems = new ArrayList<>();
    if (!config.isRemote()) {
      return problems;
    }
    boolean cyberArk = config.isSet(Keys.CYBERARK_BASE_URL);
    boolean ironVest = config.isSet(Keys.IRONVEST_BASE_URL);
    if (!cyberArk && !ironVest) {
      problems.add("CYBERARK_BASE_URL and IRONVEST_BASE_URL are both " + config.whyNotSet(Keys.CYBERARK_BASE_URL)
          + (config.whyNotSet(Keys.CYBERARK_BASE_URL).equals(config.whyNotSet(Keys.IRONVEST_BASE_URL)) ? ""
              : "/" + config.whyNotSet(Keys.IRONVEST_BASE_URL))
          + ": set at least one");
    }
    if (cyberArk) {
      missing(config, "CyberArk", CYBERARK, problems);
    }
    if (ironVest) {
      missing(config, "IronVest", IRONVEST, problems);
      if (config.isSet(Keys.IRONVEST_CLIENT_CERT) != config.isSet(Keys.IRONVEST_CLIENT_KEY)) {
        Key<String> absent = config.isSet(Keys.IRONVEST_CLIENT_CERT) ? Keys.IRONVEST_CLIENT_KEY : Keys.IRONVEST_CLIENT_CERT;
        problems.add("mTLS needs IRONVEST_CLIENT_CERT and IRONVEST_CLIENT_KEY together: " + absent.environmentName()
            + " is " + config.whyNotSet(absent));
      }
    }
    return problems;
  }

  /** Values equal to a stub default: accepted, but worth a line (a sandbox rarely has the stub's tenant). */
  public static List<String> warnings(HarnessConfig config) {
    List<String> warnings = new ArrayList<>();
    if (!config.isRemote()) {
      return warnings;
    }
    for (Key<String> key : List.of(Keys.CYBERARK_TENANT_ID, Keys.CYBERARK_USER, Keys.IRONVEST_CID, Keys.IRONVEST_UID)) {
      if (config.isSet(key) && config.get(key).equals(key.defaultValue())) {
        warnings.add(key.environmentName() + "=" + key.defaultValue() + " is also the local stub's default;"
            + " used as given");
      }
    }
    return warnings;
  }

  private static void missing(HarnessConfig config, String vendor, List<Key<String>> keys, List<String> problems) {
    List<String> absent = new ArrayList<>();
    for (Key<String> key : keys) {
      if (!config.isSet(key)) {
        absent.add(key.environmentName() + " is " + config.whyNotSet(key));
      }
    }
    if (!absent.isEmpty()) {
      problems.add(vendor + " (its base URL is set) needs " + String.join(", ", absent));
    }
  }
}
