package dev.idvharness.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name ({@code poll.intervalMs}), default, the form its value must take, and whether it
 * is a secret (secrets come only from the environment and never appear in logs or reports).
 */
public record Key(String name, String defaultValue, Form form, boolean secret, String meaning) {

  /** The forms a value can take; each checks a raw value and says what it expected. */
  public enum Form {
    TEXT("text"),
    HTTP_URL("an http(s) URL"),
    POSITIVE_INT("a whole number > 0"),
    NON_NEGATIVE_INT("a whole number >= 0"),
    POSITIVE_DECIMAL("a number > 0"),
    FRACTION("a number from 0 to 1"),
    BOOLEAN("true or false"),
    TARGET("local or remote"),
    LOAD_PROFILE("smoke, load, stress or soak"),
    RUN_ID("1 to 40 letters, digits, '_' or '-'"),
    INSTANT("an ISO-8601 instant (2026-11-27T12:00:00Z) or epoch milliseconds"),
    DRIFT_KINDS("a comma-separated list of missing-in-vendor, new-in-vendor, type-changed, format-changed,"
        + " new-value, status-changed, content-type-changed");

    final String expected;

    Form(String expected) {
      this.expected = expected;
    }

    /** True when {@code value} has this form. */
    boolean accepts(String value) {
      try {
        return switch (this) {
          case TEXT -> true;
          case HTTP_URL -> isHttpUrl(value);
          case POSITIVE_INT -> Long.parseLong(value) > 0;
          case NON_NEGATIVE_INT -> Long.parseLong(value) >= 0;
          case POSITIVE_DECIMAL -> Double.parseDouble(value) > 0 && Double.isFinite(Double.parseDouble(value));
          case FRACTION -> Double.parseDouble(value) >= 0 && Double.parseDouble(value) <= 1;
          case BOOLEAN -> value.equals("true") || value.equals("false");
          case TARGET -> List.of("local", "remote").contains(value);
          case LOAD_PROFILE -> List.of("smoke", "load", "stress", "soak").contains(value);
          case RUN_ID -> value.matches("[A-Za-z0-9_-]{1,40}");
          case INSTANT -> parseInstant(value) != null;
          case DRIFT_KINDS -> java.util.Arrays.stream(value.split(",")).map(String::trim)
              .allMatch(kind -> kind.isEmpty() || List.of("missing-in-vendor", "new-in-vendor", "type-changed",
                  "format-changed", "new-value", "status-changed", "content-type-changed").contains(kind));
        };
      } catch (NumberFormatException e) {
        return false;
      }
    }

    /** An ISO-8601 instant or epoch milliseconds; null when it is neither. */
    public static java.time.Instant parseInstant(String value) {
      try {
        return value.matches("[0-9]{1,15}") ? java.time.Instant.ofEpochMilli(Long.parseLong(value))
            : java.time.Instant.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }

    private static boolean isHttpUrl(String value) {
      try {
        URI uri = URI.create(value);
        // schemes are case-insensitive (RFC 3986 3.1); URI takes any number as a port
        return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
            && uri.getHost() != null && uri.getPort() <= 65535;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }

  /** The keys declared so far, in order: {@link Keys} declares them all, and its list is this one. */
  private static final List<Key> DECLARED = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A key of the harness; declared in {@link Keys} only, which lists every key made here. */
  static Key of(String name, String defaultValue, Form form, String meaning) {
    return declare(new Key(name, defaultValue, form, false, meaning));
  }

  static Key secret(String name, String meaning) {
    return declare(new Key(name, null, Form.TEXT, true, meaning));
  }

  private static Key declare(Key key) {
    DECLARED.add(key);
    return key;
  }

  static List<Key> declared() {
    return List.copyOf(DECLARED);
  }

  /** {@code poll.intervalMs} is read from the environment as {@code POLL_INTERVAL_MS}. */
  public String environmentName() {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
