package dev.idvharness.config;

/**
 * The first step of every Maven run (bound in pom.xml before the tests): reads the whole configuration chain so a
 * bad key or value, or a remote target without what it needs, stops the run with one line and exit code 2, before
 * any test sends traffic.
 */
public final class ConfigCheck {

  private ConfigCheck() {}

  public static void main(String[] args) {
    try {
      HarnessConfig config = HarnessConfig.load();
      RemoteRequirements.check(config);
      RemoteRequirements.warnings(config).forEach(warning -> System.out.println("config: warning: " + warning));
      System.out.println("config: " + (config.isRemote() ? "remote target" : "local stubs") + ", configuration valid");
    } catch (ConfigException bad) {
      System.err.println("config: " + bad.getMessage());
      System.exit(2);
    }
  }
}
