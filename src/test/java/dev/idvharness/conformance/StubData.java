package dev.idvharness.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stub conventions as the stub server reads them ({@code stubs/data/*.json}): the secrets of each stub user and
 * the API key of each IronVest client. In local runs these are the secrets that reports must never show.
 */
public final class StubData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode cyberArk;
  private final JsonNode ironVest;

  private StubData(JsonNode cyberArk, JsonNode ironVest) {
    this.cyberArk = cyberArk;
    this.ironVest = ironVest;
  }

  public static StubData load(Path rootDir) {
    return new StubData(read(rootDir.resolve("data/cyberark.json")), read(rootDir.resolve("data/ironvest.json")));
  }

  /** What a stub user answers with; generated load users answer like the user they are modelled on. */
  public record UserSecrets(String password, String oathCode, String oobCode) {}

  public Optional<UserSecrets> user(String login) {
    Optional<JsonNode> user = findUser(login);
    if (user.isEmpty() && Pattern.compile(cyberArk.path("loadUsers").path("pattern").asText("$^")).matcher(login).matches()) {
      user = findUser(cyberArk.path("loadUsers").path("like").asText());
    }
    return user.map(node -> new UserSecrets(text(node, "password"), text(node, "oathCode"), text(node, "oobCode")));
  }

  public Optional<String> apiKeyOf(String cid) {
    for (JsonNode client : ironVest.path("clients")) {
      if (cid.equals(client.path("cid").asText())) {
        return Optional.of(client.path("apiKey").asText());
      }
    }
    return Optional.empty();
  }

  /** Every password, code and API key in the stub data. */
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (JsonNode user : cyberArk.path("users")) {
      for (String field : List.of("password", "oathCode", "oobCode")) {
        if (user.hasNonNull(field)) {
          secrets.add(user.get(field).asText());
        }
      }
    }
    ironVest.path("clients").forEach(client -> secrets.add(client.path("apiKey").asText()));
    return secrets.stream().filter(secret -> !secret.isBlank()).distinct().toList();
  }

  private Optional<JsonNode> findUser(String login) {
    for (JsonNode user : cyberArk.path("users")) {
      if (user.path("login").asText().toLowerCase(Locale.ROOT).equals(login.toLowerCase(Locale.ROOT))) {
        return Optional.of(user);
      }
    }
    return Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("stub data " + file + " cannot be read", e);
    }
  }
}
