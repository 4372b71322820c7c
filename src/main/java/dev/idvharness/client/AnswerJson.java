package dev.idvharness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import java.io.IOException;
import java.util.Optional;

/** The clients' JSON: lenient parsing of answers (a broken vendor is reported, not thrown at). */
final class AnswerJson {

  private AnswerJson() {}

  static ObjectNode object() {
    return HarnessJson.MAPPER.createObjectNode();
  }

  /** The body as a JSON object, or empty when it is anything else (HTML, empty, an array). */
  static Optional<ObjectNode> parseObject(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = HarnessJson.MAPPER.readTree(body);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  static String write(JsonNode node) {
    try {
      return HarnessJson.MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A string field, or null when absent or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
