package dev.idvharness.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The harness configuration, read in one place: {@code -Dkey} &gt; environment {@code KEY_IN_UPPER_SNAKE} &gt;
 * {@code harness.properties} &gt; default. Secrets come only from the environment. Every value is checked at load:
 * an unknown key or a bad value stops the run with one line before any traffic is sent.
 */
public final class HarnessConfig {

  /** Only keys under these prefixes are ours; other system properties (java.*, maven.*...) are ignored. */
  private static final List<String> NAMESPACES =
      List.of("harness.", "cyberark.", "ironvest.", "poll.", "validate.", "load.", "sla.", "reports.", "drift.");

  /** Each key's value, parsed once by its form when the configuration is read. */
  private final Map<Key<?>, Object> values;
  /** Keys given a value (not the default) by -D, the environment or the file. */
  private final Set<String> set;
  /** Keys given a blank value: such a value counts as unset, and an error says which. */
  private final Set<String> blank;

  private HarnessConfig(Map<Key<?>, Object> values, Set<String> set, Set<String> blank) {
    this.values = values;
    this.set = set;
    this.blank = blank;
  }

  /** The configuration of this JVM: its system properties, its environment and ./harness.properties if present. */
  public static HarnessConfig load() {
    Map<String, String> system = new HashMap<>();
    System.getProperties().forEach((key, value) -> system.put(String.valueOf(key), String.valueOf(value)));
    return from(system, System.getenv(), readFile(Path.of("harness.properties")));
  }

  /**
   * The configuration from these sources. Every problem is found before any is reported: an unknown key (a -D, a
   * file key or an environment variable under the harness's prefixes) or a bad value stops the run with one line
   * that names them all.
   */
  public static HarnessConfig from(Map<String, String> system, Map<String, String> environment, Map<String, String> file) {
    List<String> problems = new ArrayList<>();
    rejectUnknown(system, "system property -D", problems);
    rejectUnknown(file, "harness.properties key ", problems);
    warnUnknownEnvironment(environment);
    Map<Key<?>, Object> resolved = new LinkedHashMap<>();
    Set<String> set = new HashSet<>();
    Set<String> blank = new HashSet<>();
    for (Key<?> key : Keys.all()) {
      Optional<String> given = given(key, system, environment, file, problems);
      if (given.isPresent() && given.get().isBlank()) {
        blank.add(key.name());
      }
      if (given.isEmpty() || given.get().isBlank()) {
        if (key.defaultValue() != null) {
          resolved.put(key, key.defaultValue());
        }
        continue;
      }
      set.add(key.name());
      Object value = key.form().parse(given.get());
      if (value == null) {
        problems.add(key.name() + " (" + key.environmentName() + ") must be " + key.form().expected() + ", not "
            + shown(key, given.get()));
      } else {
        resolved.put(key, value);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems));
    }
    return new HarnessConfig(resolved, set, blank);
  }

  /** The key's value (given or default), or empty when it has neither. */
  public <T> Optional<T> find(Key<T> key) {
    @SuppressWarnings("unchecked") // each value was put by its own key's form
    T value = (T) values.get(key);
    return Optional.ofNullable(value);
  }

  /** True when the key was given a value (not blank), whatever that value is: a default does not count. */
  public boolean isSet(Key<?> key) {
    return set.contains(key.name());
  }

  /** Why a key has no value of its own: "blank" (given, but empty) or "unset". */
  public String whyNotSet(Key<?> key) {
    return blank.contains(key.name()) ? "blank" : "unset";
  }

  /** The value of a key that has a default or was set; a missing one stops the run naming the key. */
  public <T> T get(Key<T> key) {
    return find(key).orElseThrow(() -> new ConfigException(
        key.name() + " is required and " + whyNotSet(key) + ": set " + (key.secret() ? "" : "-D" + key.name()
            + " or ") + "the environment variable " + key.environmentName()));
  }

  public boolean isRemote() {
    return get(Keys.TARGET_KEY) == TargetKind.REMOTE;
  }

  /** Every configured secret value: what the reports and logs are searched for. */
  public List<String> secretValues() {
    return Keys.all().stream().filter(Key::secret).map(this::find).flatMap(Optional::stream)
        .map(String::valueOf).filter(value -> !value.isBlank()).collect(Collectors.toList());
  }

  /** The value given for a key by the first source that has it (blank included), or empty. */
  private static Optional<String> given(Key<?> key, Map<String, String> system, Map<String, String> environment,
      Map<String, String> file, List<String> problems) {
    if (key.secret()) {
      if (system.containsKey(key.name()) || file.containsKey(key.name())) {
        problems.add(key.name() + " is a secret: set it only in the environment as " + key.environmentName());
      }
      // a CI secret that is not set often arrives as an empty variable: that is a missing secret, not an empty one
      return Optional.ofNullable(environment.get(key.environmentName()));
    }
    if (system.containsKey(key.name())) {
      return Optional.of(system.get(key.name()));
    }
    if (environment.containsKey(key.environmentName())) {
      return Optional.of(environment.get(key.environmentName()));
    }
    if (file.containsKey(key.name())) {
      return Optional.of(file.get(key.name()));
    }
    // a pod of a Kubernetes Indexed Job learns its index from this variable
    return key == Keys.LOAD_INJECTOR_INDEX ? Optional.ofNullable(environment.get("JOB_COMPLETION_INDEX"))
        : Optional.empty();
  }

  /** A value as an error message may show it: a secret as ***, anything else quoted, on one short line. */
  static String shown(Key<?> key, String value) {
    return key.secret() ? "***" : "'" + oneLine(value) + "'";
  }

  /** Control characters (a line break would split the message) as '?', and at most 60 characters. */
  static String oneLine(String text) {
    String printable = text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
  }

  private static void rejectUnknown(Map<String, String> source, String what, List<String> problems) {
    for (String name : new TreeSet<>(source.keySet())) {
      boolean ours = NAMESPACES.stream().anyMatch(name::startsWith);
      boolean known = Keys.all().stream().anyMatch(key -> key.name().equals(name));
      if (ours && !known) {
        problems.add("unknown configuration key: " + what + oneLine(name) + closest(name)
            + " (docs/configuration.md lists the keys)");
      }
    }
  }

  /** Environment variables already warned about in this JVM: each gets one line, however often we read. */
  private static final Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * An environment variable under our prefixes that names no key: maybe a typo (LOAD_USERS_PER_SECOND), maybe the
   * shared environment's own (a CI runner's LOAD_BALANCER_URL, a Kubernetes POLL_SERVICE_HOST). The environment is
   * shared, so it is one warning line, never a refusal; a -D or a harness.properties key is ours alone and refused.
   */
  static List<String> unknownEnvironment(Map<String, String> environment) {
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(environment.keySet())) {
      boolean ours = NAMESPACES.stream().anyMatch(prefix -> name.startsWith(
          prefix.substring(0, prefix.length() - 1).toUpperCase(Locale.ROOT) + "_"));
      boolean known = Keys.all().stream().anyMatch(key -> key.environmentName().equals(name));
      if (ours && !known) {
        warnings.add("harness: warning: environment variable " + oneLine(name) + " names no configuration key"
            + closest(name) + "; ignored (docs/configuration.md lists the keys)");
      }
    }
    return warnings;
  }

  private static void warnUnknownEnvironment(Map<String, String> environment) {
    for (String warning : unknownEnvironment(environment)) {
      if (WARNED.add(warning)) {
        System.err.println(warning);
      }
    }
  }

  /** The key most like a misspelt name, as a hint: ", did you mean load.usersPerSec (LOAD_USERS_PER_SEC)?". */
  private static String closest(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    Key<?> best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Key<?> key : Keys.all()) {
      int distance = distance(wanted, key.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= 4
        ? ", did you mean " + best.name() + " (" + best.environmentName() + ")?" : "";
  }

  /** Levenshtein distance: small names, small cost. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
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
