package dev.idvharness.stub.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request exactly as it goes on the wire: method, path, headers (in order, repeatable) and the body bytes (null:
 * no body). Placeholders such as {@code $SID} are filled in by {@link #resolve} just before sending.
 */
record RawRequest(String method, String path, List<Header> headers, byte[] body) {

  record Header(String name, String value) {}

  static RawRequest postJson(String path, byte[] body) {
    return new RawRequest("POST", path, List.of(new Header("Content-Type", "application/json")), body);
  }

  RawRequest withMethod(String newMethod) {
    return new RawRequest(newMethod, path, headers, body);
  }

  RawRequest withPath(String newPath) {
    return new RawRequest(method, newPath, headers, body);
  }

  /** Adds a header, even one already there: duplicates are part of the catalogue. */
  RawRequest withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new RawRequest(method, path, List.copyOf(more), body);
  }

  /** Replaces every header of that name by one with this value. */
  RawRequest withHeaderReplaced(String name, String value) {
    return withoutHeader(name).withHeader(name, value);
  }

  RawRequest withoutHeader(String name) {
    return new RawRequest(method, path, headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList(), body);
  }

  RawRequest withBody(byte[] newBody) {
    return new RawRequest(method, path, headers, newBody);
  }

  /** Fills placeholders ({@code $SID}, {@code $MECH}, {@code $CSID}) in the path, header values and body. */
  RawRequest resolve(Map<String, String> values) {
    String newPath = path;
    List<Header> newHeaders = headers;
    byte[] newBody = body;
    for (Map.Entry<String, String> value : values.entrySet()) {
      newPath = newPath.replace(value.getKey(), value.getValue());
      newHeaders = newHeaders.stream()
          .map(h -> new Header(h.name(), h.value().replace(value.getKey(), value.getValue()))).toList();
      newBody = newBody == null ? null : replace(newBody, value.getKey(), value.getValue());
    }
    return new RawRequest(method, newPath, newHeaders, newBody);
  }

  /** Byte-level replace, so that bodies with invalid UTF-8 stay exactly as written around the placeholder. */
  static byte[] replace(byte[] bytes, String placeholder, String value) {
    return replace(bytes, placeholder.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      if (startsAt(bytes, from, i)) {
        out.writeBytes(to);
        i += from.length;
      } else {
        out.write(bytes[i++]);
      }
    }
    return out.toByteArray();
  }

  private static boolean startsAt(byte[] bytes, byte[] part, int at) {
    if (at + part.length > bytes.length) {
      return false;
    }
    for (int j = 0; j < part.length; j++) {
      if (bytes[at + j] != part[j]) {
        return false;
      }
    }
    return true;
  }
}
