package dev.idvharness.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
      Map<String, String> properties = new TreeMap<>();
      System.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
      List<String> gatling = GatlingProperties.problems(properties, Path.of(""));
      if (!gatling.isEmpty()) {
        throw new ConfigException(String.join("; ", gatling));
      }
      RemoteRequirements.check(config);
      RemoteRequirements.warnings(config).forEach(warning -> System.out.println("config: warning: " + warning));
      System.out.println("config: " + (config.isRemote() ? "remote target" : "local stubs") + ", configuration valid");
    } catch (ConfigException bad) {
      System.err.println("config: " + bad.getMessage());
      System.exit(2);
    }
  }
}
