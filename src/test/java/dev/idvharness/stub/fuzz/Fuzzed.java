package dev.idvharness.stub.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Request parts drawn from the fuzzer's bytes: field values that are either meaningful (a login, a SessionId the
 * stub gave out, an API key) or anything else a client could send, and bodies that are built, then maybe broken.
 */
final class Fuzzed {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Fuzzed() {}

  /** A field value: null means the field is left out. Half the time one of {@code meaningful}, if there are any. */
  static JsonNode value(FuzzedDataProvider data, List<String> meaningful) {
    int choice = data.consumeInt(0, 15);
    if (choice >= 8 && !meaningful.isEmpty()) {
      String text = data.pickValue(meaningful);
      return switch (choice) {
        case 8 -> NODES.textNode(text.toUpperCase(Locale.ROOT));
        case 9 -> NODES.textNode(text.toLowerCase(Locale.ROOT));
        case 10 -> NODES.textNode(" " + text);
        default -> NODES.textNode(text);
      };
    }
    return switch (choice) {
      case 0 -> null;
      case 1 -> NODES.nullNode();
      case 2 -> NODES.numberNode(data.consumeLong());
      case 3 -> NODES.numberNode(data.consumeDouble());
      case 4 -> NODES.booleanNode(data.consumeBoolean());
      case 5 -> NODES.arrayNode().add(meaningful.isEmpty() ? data.consumeString(16) : data.pickValue(meaningful));
      case 6 -> NODES.objectNode().put(data.consumeString(8), data.consumeString(16));
      case 7 -> NODES.textNode(String.valueOf(data.consumeChar()).repeat(data.consumeInt(0, 2_000)));
      default -> NODES.textNode(data.consumeString(48));
    };
  }

  /** Puts a value drawn by {@link #value} into {@code body}, or leaves the field out. */
  static void field(FuzzedDataProvider data, ObjectNode body, String name, List<String> meaningful) {
    JsonNode value = value(data, meaningful);
    if (value != null) {
      body.set(name, value);
    }
  }

  /** Sometimes an extra field, with any name. */
  static void extraField(FuzzedDataProvider data, ObjectNode body) {
    if (data.consumeInt(0, 7) == 0) {
      JsonNode value = value(data, List.of());
      body.set(data.consumeString(12), value == null ? NODES.nullNode() : value);
    }
  }

  /** The bytes of a built body, sometimes with a stretch of it overwritten by raw bytes from the fuzzer. */
  static byte[] bytes(FuzzedDataProvider data, ObjectNode body) {
    byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
    if (data.consumeInt(0, 7) != 0 || json.length == 0) {
      return json;
    }
    int at = data.consumeInt(0, json.length - 1);
    int cut = data.consumeInt(0, Math.min(8, json.length - at));
    byte[] inserted = data.consumeBytes(8);
    byte[] spliced = new byte[json.length - cut + inserted.length];
    System.arraycopy(json, 0, spliced, 0, at);
    System.arraycopy(inserted, 0, spliced, at, inserted.length);
    System.arraycopy(json, at + cut, spliced, at + inserted.length, json.length - at - cut);
    return spliced;
  }

  /** How the body is declared: almost always application/json (anything else reaches the vendor logic as no body). */
  static boolean declaredJson(FuzzedDataProvider data) {
    return data.consumeInt(0, 31) != 0;
  }

  /** The next arrival time: mostly forward, sometimes slightly back (clocks and threads do that). */
  static long later(FuzzedDataProvider data, long now) {
    return now + data.consumeInt(-200, 5_000);
  }
}
