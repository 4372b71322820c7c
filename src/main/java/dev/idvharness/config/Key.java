package dev.idvharness.config;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key: its name ({@code poll.intervalMs}), default, the form its value must take (which parses it,
 * once, into a {@code T}), and whether it is a secret (secrets come only from the environment and never appear in
 * logs or reports).
 */
public final class Key<T> {

  /**
   * The forms a value can take: what a raw value must look like (said in errors and in docs/configuration.md) and its
   * parser, which answers null (or throws) for a value not of the form.
   */
  public static final class Form<T> {

    public static final Form<String> TEXT = new Form<>("text", text -> text);
    public static final Form<String> HTTP_URL = new Form<>("an http(s) URL", text -> isHttpUrl(text) ? text : null);
    public static final Form<String> RUN_ID = new Form<>("1 to 40 letters, digits, '_' or '-'",
        text -> text.matches("[A-Za-z0-9_-]{1,40}") ? text : null);
    public static final Form<Long> POSITIVE_LONG = new Form<>("a whole number > 0", where(Long::parseLong, n -> n > 0));
    public static final Form<Long> NON_NEGATIVE_LONG =
        new Form<>("a whole number >= 0", where(Long::parseLong, n -> n >= 0));
    public static final Form<Integer> POSITIVE_INT =
        new Form<>("a whole number from 1 to " + Integer.MAX_VALUE, where(Integer::parseInt, n -> n > 0));
    public static final Form<Integer> NON_NEGATIVE_INT =
        new Form<>("a whole number from 0 to " + Integer.MAX_VALUE, where(Integer::parseInt, n -> n >= 0));
    public static final Form<Double> POSITIVE_DECIMAL =
        new Form<>("a number > 0", where(Double::parseDouble, n -> n > 0 && Double.isFinite(n)));
    public static final Form<Double> FRACTION =
        new Form<>("a number from 0 to 1", where(Double::parseDouble, n -> n >= 0 && n <= 1));
    public static final Form<Boolean> BOOLEAN = new Form<>("true or false",
        text -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null);
    public static final Form<Instant> INSTANT = new Form<>(
        "an ISO-8601 instant (2026-11-27T12:00:00Z) or epoch milliseconds", Form::parseInstant);

    private final String expected;
    private final Function<String, T> parser;

    private Form(String expected, Function<String, T> parser) {
      this.expected = expected;
      this.parser = parser;
    }

    /** One of an enumeration's labels; the enumeration is the one list of them. */
    public static <E extends Enum<E> & Choice> Form<E> oneOf(Class<E> choices) {
      return new Form<>(Choice.listed(choices, " or "), text -> Choice.find(choices, text).orElse(null));
    }

    /** A comma-separated list of an enumeration's labels, maybe empty. */
    public static <E extends Enum<E> & Choice> Form<Set<E>> listOf(Class<E> choices) {
      Form<E> one = oneOf(choices);
      return new Form<>("a comma-separated list of " + Choice.listed(choices, ", "), text -> {
        Set<E> chosen = EnumSet.noneOf(choices);
        for (String label : text.split(",")) {
          if (!label.isBlank()) {
            E choice = one.parse(label.trim());
            if (choice == null) {
              return null;
            }
            chosen.add(choice);
          }
        }
        return Collections.unmodifiableSet(chosen);
      });
    }

    /** What a value of this form looks like, as errors and docs/configuration.md say it. */
    public String expected() {
      return expected;
    }

    /** The value, or null when {@code text} is not of this form. */
    T parse(String text) {
      try {
        return parser.apply(text);
      } catch (RuntimeException notOfThisForm) {
        return null;
      }
    }

    /** An ISO-8601 instant or epoch milliseconds; null when it is neither. */
    static Instant parseInstant(String value) {
      try {
        return value.matches("[0-9]{1,15}") ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private static <N> Function<String, N> where(Function<String, N> parse, Predicate<N> test) {
      return text -> {
        N value = parse.apply(text);
        return test.test(value) ? value : null;
      };
    }

    private static boolean isHttpUrl(String value) {
      URI uri = URI.create(value);
      // schemes are case-insensitive (RFC 3986 3.1); URI takes any number as a port
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && uri.getPort() <= 65535;
    }
  }

  /** The keys declared so far, in order: {@link Keys} declares them all, and its list is this one. */
  private static final List<Key<?>> DECLARED = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final String name;
  private final String defaultText;
  private final T defaultValue;
  private final Form<T> form;
  private final boolean secret;
  private final String meaning;

  private Key(String name, String defaultText, Form<T> form, boolean secret, String meaning) {
    this.name = name;
    this.defaultText = defaultText;
    this.form = form;
    this.secret = secret;
    this.meaning = meaning;
    this.defaultValue = defaultText == null ? null : form.parse(defaultText);
    if (defaultText != null && defaultValue == null) {
      throw new IllegalArgumentException(name + ": default '" + defaultText + "' is not " + form.expected);
    }
  }

  /** A key of the harness; declared in {@link Keys} only, which lists every key made here. */
  static <T> Key<T> of(String name, String defaultText, Form<T> form, String meaning) {
    return declare(new Key<>(name, defaultText, form, false, meaning));
  }

  static Key<String> secret(String name, String meaning) {
    return declare(new Key<>(name, null, Form.TEXT, true, meaning));
  }

  /** A key that is not the harness's: for tests of the configuration chain itself. */
  static <T> Key<T> undeclared(String name, Form<T> form, boolean secret) {
    return new Key<>(name, null, form, secret, "");
  }

  private static <T> Key<T> declare(Key<T> key) {
    DECLARED.add(key);
    return key;
  }

  static List<Key<?>> declared() {
    return List.copyOf(DECLARED);
  }

  public String name() {
    return name;
  }

  /** The default as written in docs/configuration.md, or null when the key has none. */
  public String defaultText() {
    return defaultText;
  }

  /** The default, parsed, or null. */
  public T defaultValue() {
    return defaultValue;
  }

  public Form<T> form() {
    return form;
  }

  public boolean secret() {
    return secret;
  }

  public String meaning() {
    return meaning;
  }

  /** {@code poll.intervalMs} is read from the environment as {@code POLL_INTERVAL_MS}. */
  public String environmentName() {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
