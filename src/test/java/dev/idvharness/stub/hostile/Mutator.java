package dev.idvharness.stub.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Breaks valid request bodies at random, reproducibly: the same seed gives the same mutants, whatever the server
 * answers, so a failure is replayed with its seed. One to five mutations per mutant: dropped fields, swapped types,
 * a duplicated key, then deleted, duplicated, flipped or inserted characters, a truncation, an invalid UTF-8 byte.
 */
final class Mutator {

  /**
   * What a flipped or inserted character becomes: JSON syntax, controls, markup, odd Unicode. No letter u: a csid
   * token u&lt;N&gt; asks the stub for N documented 503s, which a mutant must not stumble on.
   */
  private static final String ALPHABET = "{}[]:,\"\\ \t\n0123456789-+.eE<>'/\u0000\u0001\u001f\u007f\u00e9\u2028\uffff";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> ODD_VALUES = List.of(
      NODES.nullNode(), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1e308),
      NODES.numberNode(new BigInteger("9".repeat(40))), NODES.booleanNode(true), NODES.textNode(""),
      NODES.textNode(Bodies.SCRIPT), NODES.textNode(Bodies.SQL), NODES.textNode(Bodies.CONTROL),
      NODES.textNode("x".repeat(10_000)), NODES.arrayNode(), NODES.objectNode());

  /** A mutant and what was done to it, for the failure message. */
  record Mutant(byte[] body, List<String> mutations) {}

  /** A field of an object or an element of an array: where a tree mutation applies. */
  private record Slot(ContainerNode<?> parent, String field, int index, String path) {}

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Mutant mutate(ObjectNode valid) {
    List<String> done = new ArrayList<>();
    ObjectNode tree = valid.deepCopy();
    int treeMutations = random.nextInt(3);
    for (int i = 0; i < treeMutations; i++) {
      mutateTree(tree, done);
    }
    String text = tree.toString();
    if (random.nextInt(6) == 0 && tree.size() > 0) {
      text = duplicateKey(tree, text, done);
    }
    // most text mutations break the JSON itself: keep some mutants well-formed so they reach the vendor logic
    int textMutations = done.isEmpty() ? 1 + random.nextInt(2) : (random.nextInt(3) == 0 ? 1 : 0);
    for (int i = 0; i < textMutations && !text.isEmpty(); i++) {
      text = mutateText(text, done);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(8) == 0) {
      bytes = insertInvalidUtf8(bytes, done);
    }
    return new Mutant(bytes, List.copyOf(done));
  }

  private void mutateTree(ObjectNode tree, List<String> done) {
    List<Slot> slots = new ArrayList<>();
    collect(tree, "", slots);
    if (slots.isEmpty()) {
      return;
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    JsonNode old = slot.parent() instanceof ObjectNode object
        ? object.get(slot.field()) : ((ArrayNode) slot.parent()).get(slot.index());
    switch (random.nextInt(3)) {
      case 0 -> {
        if (slot.parent() instanceof ObjectNode parent) {
          parent.remove(slot.field());
        } else {
          ((ArrayNode) slot.parent()).remove(slot.index());
        }
        done.add("drop " + slot.path());
      }
      case 1 -> replace(slot, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())), done);
      default -> replace(slot, tweak(old), done);
    }
  }

  private static void replace(Slot slot, JsonNode value, List<String> done) {
    if (slot.parent() instanceof ObjectNode object) {
      object.set(slot.field(), value);
    } else {
      ((ArrayNode) slot.parent()).set(slot.index(), value);
    }
    done.add("set " + slot.path() + " = " + abbreviate(value.toString()));
  }

  /** A value of the same type at an edge: zero, negative, huge, tiny; empty, halved, doubled, padded; negated. */
  private JsonNode tweak(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      List<BigDecimal> edges = List.of(BigDecimal.ZERO, BigDecimal.ONE.negate(), number.negate(),
          number.scaleByPowerOfTen(18), number.add(new BigDecimal("0.000001")), new BigDecimal("1e-30"));
      return NODES.numberNode(edges.get(random.nextInt(edges.size())));
    }
    if (value.isTextual()) {
      String text = value.textValue();
      List<String> edges = List.of("", " " + text + " ", text.toUpperCase(Locale.ROOT),
          text.substring(0, text.length() / 2), text + text, "-1", "0", text + "\u0000");
      return NODES.textNode(edges.get(random.nextInt(edges.size())));
    }
    if (value.isBoolean()) {
      return NODES.booleanNode(!value.booleanValue());
    }
    return ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
  }

  private static void collect(JsonNode node, String path, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        slots.add(new Slot(object, name, -1, path + "/" + name));
        collect(object.get(name), path + "/" + name, slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i, path + "/" + i));
        collect(array.get(i), path + "/" + i, slots);
      }
    }
  }

  private String duplicateKey(ObjectNode tree, String text, List<String> done) {
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    String name = names.get(random.nextInt(names.size()));
    done.add("duplicate key " + name);
    return "{\"" + name + "\":" + tree.get(name) + "," + text.substring(1);
  }

  private String mutateText(String text, List<String> done) {
    int at = random.nextInt(text.length());
    char any = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    switch (random.nextInt(5)) {
      case 0 -> {
        done.add("delete @" + at);
        return text.substring(0, at) + text.substring(at + 1);
      }
      case 1 -> {
        done.add("duplicate @" + at);
        return text.substring(0, at + 1) + text.substring(at);
      }
      case 2 -> {
        done.add("flip @" + at + " to " + escape(String.valueOf(any)));
        return text.substring(0, at) + any + text.substring(at + 1);
      }
      case 3 -> {
        char control = (char) (random.nextInt(33) == 32 ? 0x7f : random.nextInt(32));
        done.add("insert " + escape(String.valueOf(control)) + " @" + at);
        return text.substring(0, at) + control + text.substring(at);
      }
      default -> {
        done.add("truncate @" + at);
        return text.substring(0, at);
      }
    }
  }

  private byte[] insertInvalidUtf8(byte[] bytes, List<String> done) {
    int at = random.nextInt(bytes.length + 1);
    // a lone continuation byte, a truncated two-byte sequence, a byte never valid in UTF-8
    byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
    byte[] insert = invalid[random.nextInt(invalid.length)];
    done.add("insert invalid UTF-8 @" + at);
    byte[] result = new byte[bytes.length + insert.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(insert, 0, result, at, insert.length);
    System.arraycopy(bytes, at, result, at + insert.length, bytes.length - at);
    return result;
  }

  /** Printable text for a failure message: controls and non-ASCII as \\uXXXX, at most 200 characters. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return abbreviate(out.toString());
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
  }
}
