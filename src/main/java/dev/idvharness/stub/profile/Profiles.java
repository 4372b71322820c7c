package dev.idvharness.stub.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads profiles, turning every mistake into one line that names the field. */
public final class Profiles {

  /**
   * The profile reader: a number or a boolean must be sent as one. {@code "ms":"800"} is refused naming the field
   * rather than read as 800: a profile is configuration, and a quoted number is more often a templating slip.
   */
  private static final ObjectMapper STRICT = strict();

  private Profiles() {}

  private static ObjectMapper strict() {
    ObjectMapper mapper = Json.MAPPER.copy();
    for (LogicalType type : List.of(
        LogicalType.Integer, LogicalType.Float,
        LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String,
          CoercionAction.Fail);
    }
    return mapper;
  }

  public static Profile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProfileException("profile " + file + ": no such file");
    }
    try {
      return parse(Files.readAllBytes(file), "profile " + file);
    } catch (IOException e) {
      throw new ProfileException("profile " + file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  public static Profile parse(byte[] json, String source) {
    try {
      Profile profile = STRICT.readValue(json, Profile.class);
      if (profile == null) {
        throw new ProfileException(source + ": empty document");
      }
      return profile;
    } catch (JsonMappingException e) {
      throw new ProfileException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new ProfileException(source + ": not valid JSON (" + syntax(e) + ")");
    }
  }

  /**
   * One endpoint's settings from a partial document: what it names replaces the current setting, what it leaves out
   * stays ({@code {"faults": ...}} keeps the delay).
   */
  public static Profile.EndpointProfile updateEndpoint(Profile.EndpointProfile current, byte[] json, String source) {
    JsonNode given;
    try {
      given = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ProfileException(source + ": not valid JSON (" + syntax(e) + ")");
    }
    if (given == null || !given.isObject()) {
      throw new ProfileException(source + ": must be a JSON object with delay and/or faults");
    }
    ObjectNode merged = Json.MAPPER.valueToTree(current == null ? Profile.EndpointProfile.NONE : current);
    merged.setAll((ObjectNode) given);
    return parseEndpoint(Json.bytes(merged), source);
  }

  public static Profile.EndpointProfile parseEndpoint(byte[] json, String source) {
    try {
      return STRICT.readValue(json, Profile.EndpointProfile.class);
    } catch (JsonMappingException e) {
      throw new ProfileException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new ProfileException(source + ": not valid JSON (" + syntax(e) + ")");
    }
  }

  private static String describe(JsonMappingException e) {
    if (e.getCause() instanceof JsonParseException syntaxError) {
      // a syntax error inside a value: the document is not JSON, whatever field it was in
      return "not valid JSON (" + syntax(syntaxError) + ")";
    }
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    if (e instanceof UnrecognizedPropertyException unknown) {
      // name the key and what is allowed there, never a Java class
      String where = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the profile";
      return "unknown key '" + unknown.getPropertyName() + "' in " + where + " (allowed: " + unknown.getKnownPropertyIds()
          .stream().map(String::valueOf).filter(name -> !name.equals("_comment")).sorted()
          .collect(Collectors.joining(", ")) + ")";
    }
    if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null && !(e.getCause() instanceof IllegalArgumentException)) {
      return (path.isEmpty() ? "the profile" : path) + ": must be " + expected(mismatch.getTargetType());
    }
    Throwable cause = e.getCause();
    String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : firstLine(e.getOriginalMessage());
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  /** What a field takes, in the words of the docs, never a Java type. */
  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number (not a string)";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number (not a string)";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false (not a string)";
    }
    if (type == String.class) {
      return "a string";
    }
    return "an object";
  }

  /** A syntax error as a person reads it: what is wrong and where, without the parser's own names. */
  private static String syntax(IOException e) {
    if (e instanceof JsonProcessingException parse) {
      JsonLocation at = parse.getLocation();
      String what = firstLine(parse.getOriginalMessage()).replaceAll(" \\(code \\d+\\)", "");
      return at == null ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
