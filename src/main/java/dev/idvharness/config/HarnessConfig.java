package dev.idvharness.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The harness configuration, read in one place: {@code -Dkey} &gt; environment {@code KEY_IN_UPPER_SNAKE} &gt;
 * {@code harness.properties} &gt; default. Secrets come only from the environment. Every value is checked at load:
 * an unknown key or a bad value stops the run with one line before any traffic is sent.
 */
public final class HarnessConfig {

  /** Only keys under these prefixes are ours; other system properties (java.*, maven.*...) are ignored. */
  private static final List<String> NAMESPACES =
      List.of("harness.", "cyberark.", "ironvest.", "poll.", "validate.", "load.", "sla.", "reports.");

  private final Map<String, String> values;

  private HarnessConfig(Map<String, String> values) {
    this.values = values;
  }

  /** The configuration of this JVM: its system properties, its environment and ./harness.properties if present. */
  public static HarnessConfig load() {
    Map<String, String> system = new HashMap<>();
    System.getProperties().forEach((key, value) -> system.put(String.valueOf(key), String.valueOf(value)));
    return from(system, System.getenv(), readFile(Path.of("harness.properties")));
  }

  public static HarnessConfig from(Map<String, String> system, Map<String, String> environment, Map<String, String> file) {
    rejectUnknown(system, "system property -D");
    rejectUnknown(file, "harness.properties key ");
    Map<String, String> resolved = new LinkedHashMap<>();
    for (Key key : Keys.all()) {
      String value = resolve(key, system, environment, file);
      if (value != null) {
        if (!key.form().accepts(value)) {
          throw new ConfigException(key.name() + " (" + key.environmentName() + ") must be " + key.form().expected
              + ", not " + shown(key, value));
        }
        resolved.put(key.name(), value);
      }
    }
    return new HarnessConfig(resolved);
  }

  /** A copy with some keys set, as if given with -D (used to point a run at a stub started on a free port). */
  public HarnessConfig with(Map<String, String> overrides) {
    Map<String, String> system = new HashMap<>(values);
    system.putAll(overrides);
    Map<String, String> secrets = new HashMap<>();
    for (Key key : Keys.all()) {
      if (key.secret() && values.containsKey(key.name())) {
        secrets.put(key.environmentName(), values.get(key.name()));
        system.remove(key.name());
      }
    }
    return from(system, secrets, Map.of());
  }

  public Optional<String> find(Key key) {
    return Optional.ofNullable(values.get(key.name()));
  }

  /** The value of a key that has a default or was set; a missing one stops the run naming the key. */
  public String get(Key key) {
    return find(key).orElseThrow(() -> new ConfigException(
        key.name() + " is required: set " + (key.secret() ? "" : "-D" + key.name() + " or ") + "the environment variable "
            + key.environmentName()));
  }

  public long getLong(Key key) {
    return Long.parseLong(get(key));
  }

  public int getInt(Key key) {
    long value = getLong(key);
    if (value != (int) value) {
      throw new ConfigException(key.name() + " (" + key.environmentName() + ") must be at most " + Integer.MAX_VALUE
          + ", not " + shown(key, get(key)));
    }
    return (int) value;
  }

  public double getDouble(Key key) {
    return Double.parseDouble(get(key));
  }

  public boolean getBoolean(Key key) {
    return Boolean.parseBoolean(get(key));
  }

  public boolean isRemote() {
    return "remote".equals(get(Keys.TARGET_KEY));
  }

  /** Every configured secret value: what the reports and logs are searched for. */
  public List<String> secretValues() {
    return Keys.all().stream().filter(Key::secret).map(this::find).flatMap(Optional::stream)
        .filter(value -> !value.isBlank()).collect(Collectors.toList());
  }

  private static String resolve(Key key, Map<String, String> system, Map<String, String> environment,
      Map<String, String> file) {
    if (key.secret()) {
      if (system.containsKey(key.name()) || file.containsKey(key.name())) {
        throw new ConfigException(key.name() + " is a secret: set it only in the environment as "
            + key.environmentName());
      }
      // a CI secret that is not set often arrives as an empty variable: that is a missing secret, not an empty one
      String secret = environment.get(key.environmentName());
      return secret == null || secret.isBlank() ? null : secret;
    }
    if (system.containsKey(key.name())) {
      return system.get(key.name());
    }
    if (environment.containsKey(key.environmentName())) {
      return environment.get(key.environmentName());
    }
    return file.containsKey(key.name()) ? file.get(key.name()) : key.defaultValue();
  }

  /** A value as an error message may show it: a secret as ***, anything else quoted, on one short line. */
  static String shown(Key key, String value) {
    return key.secret() ? "***" : "'" + oneLine(value) + "'";
  }

  /** Control characters (a line break would split the message) as '?', and at most 60 characters. */
  private static String oneLine(String text) {
    String printable = text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
  }

  private static void rejectUnknown(Map<String, String> source, String what) {
    for (String name : source.keySet()) {
      boolean ours = NAMESPACES.stream().anyMatch(name::startsWith);
      boolean known = Keys.all().stream().anyMatch(key -> key.name().equals(name));
      if (ours && !known) {
        throw new ConfigException("unknown configuration key: " + what + oneLine(name)
            + " (docs/configuration.md lists the keys)");
      }
    }
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> map = new HashMap<>();
    properties.forEach((key, value) -> map.put(String.valueOf(key), String.valueOf(value).trim()));
    return map;
  }
}
