package dev.idvharness.stub.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variations every catalogue applies to each field and each vendor path. */
final class Variations {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Null, each other JSON type, and the empty string: in the order the catalogues list their expected answers. */
  static final Map<String, JsonNode> ODD_VALUES = oddValues();

  /** Every method but POST that a client or a scanner may send to a vendor path. */
  static final List<String> OTHER_METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private Variations() {}

  /**
   * One case per odd value of a field; {@code answers} are the expected answers to null, 42, true, [], {} and "".
   */
  static List<HostileCase> oddValues(String endpoint, Setup setup, RawRequest valid, String pointer,
      ObjectNode body, Expect... answers) {
    if (answers.length != ODD_VALUES.size()) {
      throw new IllegalArgumentException(pointer + ": one answer per odd value is required");
    }
    List<HostileCase> cases = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, JsonNode> value : ODD_VALUES.entrySet()) {
      cases.add(new HostileCase(endpoint + ": " + pointer + " = " + value.getKey(), setup,
          valid.withBody(Bodies.with(body, pointer, value.getValue())), answers[i++]));
    }
    return cases;
  }

  /** The same answer to every odd value. */
  static Expect[] same(Expect answer) {
    Expect[] answers = new Expect[ODD_VALUES.size()];
    Arrays.fill(answers, answer);
    return answers;
  }

  /** One case per other method on a vendor path: a JSON 405 that allows POST. */
  static List<HostileCase> otherMethods(String endpoint, Setup setup, RawRequest valid) {
    return OTHER_METHODS.stream()
        .map(method -> new HostileCase(endpoint + ": method " + method, setup,
            valid.withMethod(method).withBody(method.equals("GET") || method.equals("HEAD") ? null : valid.body()),
            Expect.METHOD_NOT_ALLOWED))
        .toList();
  }

  private static Map<String, JsonNode> oddValues() {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("null", NODES.nullNode());
    values.put("42", NODES.numberNode(42));
    values.put("true", NODES.booleanNode(true));
    values.put("[]", NODES.arrayNode());
    values.put("{}", NODES.objectNode());
    values.put("\"\"", NODES.textNode(""));
    return values;
  }
}
