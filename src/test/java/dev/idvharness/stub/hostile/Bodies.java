package dev.idvharness.stub.hostile;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Valid request bodies of both vendors, and the ways the catalogue breaks them. */
final class Bodies {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String SQL = "' OR 1=1 --";
  /** NUL, other C0 controls, an ANSI escape and a line break: what breaks logs and naive parsers. */
  static final String CONTROL = "a\u0000b\u0001c\u001b[31md\r\ne\u007f";
  static final int TEN_MB = 10 * 1024 * 1024;
  static final int HUNDRED_KB = 100 * 1024;
  static final int DEEP = 10_000;

  /** The stub conventions the extension's servers serve: the password and API key of the valid requests. */
  private static final StubData DATA = StubData.load(Path.of("stubs"));
  static final String PASSWORD = DATA.passwordOf("password.only@idv.test");
  static final String ACME_KEY = DATA.requireApiKeyOf("acme-bank");

  private static final String MARKER = "@@raw@@";

  private Bodies() {}

  static ObjectNode startBody() {
    return StubHttp.JSON.createObjectNode().put("TenantId", "ABC1234").put("User", "password.only@idv.test");
  }

  /** The right password for the session's UP mechanism ({@code $SID}, {@code $MECH} are filled in at send time). */
  static ObjectNode answerBody() {
    return StubHttp.JSON.createObjectNode()
        .put("Action", "Answer").put("Answer", PASSWORD)
        .put("MechanismId", "$MECH").put("SessionId", "$SID").put("TenantId", "ABC1234");
  }

  /** The seed example for acme-bank on csid {@code $CSID}. */
  static ObjectNode validateBody() {
    ObjectNode body = StubHttp.JSON.createObjectNode()
        .put("cid", "acme-bank").put("csid", "$CSID").put("uid", "user-hostile").put("action", "WireTransfer");
    ArrayNode entries = body.putObject("additionalData").putArray("sessionData");
    ObjectNode amount = entries.addObject().put("key", "amount").put("value", 35);
    amount.putArray("synonyms").add("amount");
    return body;
  }

  /** {@code count} sessionData entries, each a valid one. */
  static ArrayNode entries(int count) {
    ArrayNode entries = StubHttp.JSON.createArrayNode();
    for (int i = 0; i < count; i++) {
      entries.addObject().put("key", "amount").put("value", 35);
    }
    return entries;
  }

  static byte[] bytes(JsonNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] text(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code base} with the value at a JSON pointer ({@code /additionalData/sessionData/0/key}) replaced. */
  static byte[] with(ObjectNode base, String pointer, Object value) {
    ObjectNode copy = base.deepCopy();
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = copy.at(path.head());
    JsonNode node = value instanceof JsonNode json ? json : StubHttp.JSON.valueToTree(value);
    if (parent instanceof ArrayNode array) {
      array.set(path.last().getMatchingIndex(), node);
    } else {
      ((ObjectNode) parent).set(path.last().getMatchingProperty(), node);
    }
    return bytes(copy);
  }

  static ObjectNode without(ObjectNode base, String field) {
    ObjectNode copy = base.deepCopy();
    copy.remove(field);
    return copy;
  }

  /** {@code base} with raw bytes in place of the string value at a pointer: invalid UTF-8, unescaped controls. */
  static byte[] withRaw(ObjectNode base, String pointer, byte[] raw) {
    return RawRequest.replace(with(base, pointer, MARKER), text("\"" + MARKER + "\""), raw);
  }

  /** The same key twice: JSON leaves it undefined which one wins. */
  static byte[] duplicateKey(ObjectNode base, String field, String otherValue) {
    String json = base.toString();
    return text("{\"" + field + "\":\"" + otherValue + "\"," + json.substring(1));
  }

  static byte[] nestedArrays(int depth) {
    return text("[".repeat(depth) + "]".repeat(depth));
  }

  /** {@code base} plus a field holding {@code depth} nested objects. */
  static byte[] nestedObjectIn(ObjectNode base, int depth) {
    String json = base.toString();
    String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    return text(json.substring(0, json.length() - 1) + ",\"deep\":" + nested + "}");
  }

  /** A valid body followed by whitespace up to {@code size} bytes: legal JSON, just big. */
  static byte[] padded(ObjectNode base, int size) {
    byte[] json = bytes(base);
    byte[] padded = Arrays.copyOf(json, Math.max(size, json.length));
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    return padded;
  }

  static String longText(int length) {
    return "x".repeat(length);
  }

  /** A number with this many digits (Jackson refuses numbers longer than 1,000 characters). */
  static byte[] withLongNumber(ObjectNode base, String pointer, int digits) {
    return withRaw(base, pointer, text("9".repeat(digits)));
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A small gzip stream that inflates to {@code inflatedBytes} of zeros. */
  static byte[] gzipBomb(int inflatedBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
      for (int written = 0; written < inflatedBytes; written += zeros.length) {
        gzip.write(zeros, 0, Math.min(zeros.length, inflatedBytes - written));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] raw(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
