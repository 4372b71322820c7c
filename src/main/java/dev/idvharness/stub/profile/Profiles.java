package dev.idvharness.stub.profile;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.idvharness.stub.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads profiles, turning every mistake into one line that names the field. */
public final class Profiles {

  private Profiles() {}

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
      Profile profile = Json.MAPPER.readValue(json, Profile.class);
      if (profile == null) {
        throw new ProfileException(source + ": empty document");
      }
      return profile;
    } catch (JsonMappingException e) {
      throw new ProfileException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new ProfileException(source + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
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
      throw new ProfileException(source + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
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
      return Json.MAPPER.readValue(json, Profile.EndpointProfile.class);
    } catch (JsonMappingException e) {
      throw new ProfileException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new ProfileException(source + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static String describe(JsonMappingException e) {
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
    Throwable cause = e.getCause();
    String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : firstLine(e.getOriginalMessage());
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
