package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IronVest stub conventions as written in {@code stubs/data/ironvest.json}: apikey and cid pairs, the form
 * values the client SDK "collected" in every session, and the users enrolled from the start.
 */
@JsonIgnoreProperties({"_comment"})
public record IronVestData(
    List<Client> clients,
    Map<String, JsonNode> collectedValues,
    Set<String> enrolledUids,
    String enrolledUidPattern,
    String applicationErrorMessage) {

  public IronVestData {
    clients = List.copyOf(clients == null ? List.of() : clients);
    collectedValues = Map.copyOf(collectedValues == null ? Map.of() : collectedValues);
    enrolledUids = Set.copyOf(enrolledUids == null ? Set.of() : enrolledUids);
    applicationErrorMessage = applicationErrorMessage == null ? "session not found" : applicationErrorMessage;
    if ("processing".equals(applicationErrorMessage)) {
      throw new IllegalArgumentException("applicationErrorMessage must not be 'processing'");
    }
    if (enrolledUidPattern != null) {
      Pattern.compile(enrolledUidPattern);
    }
    for (Map.Entry<String, JsonNode> value : collectedValues.entrySet()) {
      if (!value.getValue().isTextual() && !value.getValue().isNumber()) {
        throw new IllegalArgumentException("collectedValues." + value.getKey() + " must be a string or a number");
      }
    }
  }

  public static IronVestData load(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), IronVestData.class);
    } catch (IOException | IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      throw new IllegalArgumentException(
          "stub data " + file + ": " + (newline < 0 ? message : message.substring(0, newline)), e);
    }
  }

  /** An organisation: its cid, its API key, and whether it only matches biometrics of actively enrolled users. */
  @JsonIgnoreProperties({"_comment"})
  public record Client(String cid, String apiKey, Boolean activeEnrollmentOnly) {
    public Client {
      if (cid == null || cid.isEmpty() || apiKey == null || apiKey.isEmpty()) {
        throw new IllegalArgumentException("each client needs cid and apiKey");
      }
      activeEnrollmentOnly = Boolean.TRUE.equals(activeEnrollmentOnly);
    }
  }
}
