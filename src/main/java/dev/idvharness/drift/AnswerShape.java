package dev.idvharness.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of the answers of one operation and outcome, merged over every answer seen: statuses, content types,
 * the headers that matter, every JSON field path with its JSON types, the values of enumerations and the format of
 * identifiers. Never a value of anything else: no secret or personal value can end up in a shape.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class AnswerShape {

  /** Fields whose values are an enumeration worth comparing (a new value is drift). */
  static final Set<String> ENUMERATIONS = Set.of("Summary", "AnswerType", "Name", "errorMessage");
  /** Fields whose format is compared (a GUID that becomes a number is drift), never their value. */
  static final Set<String> IDENTIFIERS = Set.of("ErrorID", "SessionId", "MechanismId", "MessageID");
  /** Headers that change what a client does. */
  static final Set<String> HEADERS = Set.of("Retry-After");

  private static final Pattern GUID =
      Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public Set<Integer> statuses = new TreeSet<>();
  public Set<String> contentTypes = new TreeSet<>();
  public Set<String> bodies = new TreeSet<>();
  public Map<String, Set<String>> headers = new TreeMap<>();
  public Map<String, Set<String>> fields = new TreeMap<>();
  public Map<String, Set<String>> values = new TreeMap<>();
  public Map<String, Set<String>> formats = new TreeMap<>();

  void add(Exchange exchange) {
    statuses.add(exchange.status());
    contentTypes.add(mediaType(exchange));
    for (String header : HEADERS) {
      exchange.responseHeader(header).ifPresent(value -> add(headers, header, headerFormat(value)));
    }
    JsonNode body = Operation.parse(exchange.responseBody());
    String raw = exchange.responseBody();
    bodies.add(body != null ? "json-object" : raw == null || raw.isBlank() ? "empty" : "not-json");
    if (body != null) {
      walk("", body);
    }
  }

  void merge(AnswerShape other) {
    statuses.addAll(other.statuses);
    contentTypes.addAll(other.contentTypes);
    bodies.addAll(other.bodies);
    other.headers.forEach((name, set) -> set.forEach(value -> add(headers, name, value)));
    other.fields.forEach((name, set) -> set.forEach(value -> add(fields, name, value)));
    other.values.forEach((name, set) -> set.forEach(value -> add(values, name, value)));
    other.formats.forEach((name, set) -> set.forEach(value -> add(formats, name, value)));
  }

  private void walk(String path, JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        add(fields, child, type(field.getValue()));
        if (field.getValue().isTextual() && ENUMERATIONS.contains(field.getKey())) {
          add(values, child, field.getValue().textValue());
        }
        if (IDENTIFIERS.contains(field.getKey()) && !field.getValue().isNull()) {
          add(formats, child, format(field.getValue()));
        }
        walk(child, field.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        add(fields, path + "[]", type(element));
        walk(path + "[]", element);
      }
    }
  }

  static String type(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The form of an identifier: {@code guid}, {@code guid:hex}, {@code digits}, {@code hex}, or {@code text}. */
  static String format(JsonNode node) {
    if (!node.isTextual()) {
      return type(node);
    }
    String value = node.textValue();
    int colon = value.indexOf(':');
    if (colon > 0 && GUID.matcher(value.substring(0, colon)).matches()
        && HEX.matcher(value.substring(colon + 1)).matches()) {
      return "guid:hex";
    }
    if (GUID.matcher(value).matches()) {
      return "guid";
    }
    if (DIGITS.matcher(value).matches()) {
      return "digits";
    }
    return HEX.matcher(value).matches() ? "hex" : value.isEmpty() ? "empty" : "text";
  }

  static String headerFormat(String value) {
    String trimmed = value.trim();
    return DIGITS.matcher(trimmed).matches() ? "seconds" : trimmed.isEmpty() ? "empty" : "http-date-or-other";
  }

  static String mediaType(Exchange exchange) {
    String type = exchange.responseHeader("Content-Type").orElse("(none)");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
  }
}
