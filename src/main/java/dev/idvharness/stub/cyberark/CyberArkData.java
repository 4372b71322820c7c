package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The CyberArk stub conventions as written in {@code stubs/data/cyberark.json}. */
@JsonIgnoreProperties({"_comment"})
public record CyberArkData(
    String defaultTenantId,
    String otherPodHost,
    Map<String, MechanismTemplate> mechanisms,
    List<CyberArkUser> users,
    LoadUsers loadUsers) {

  public CyberArkData {
    defaultTenantId = defaultTenantId == null ? "ABC1234" : defaultTenantId;
    otherPodHost = otherPodHost == null ? "localhost" : otherPodHost;
    mechanisms = Map.copyOf(mechanisms == null ? Map.of() : mechanisms);
    users = List.copyOf(users == null ? List.of() : users);
    for (CyberArkUser user : users) {
      for (List<String> challenge : user.challenges()) {
        for (String name : challenge) {
          if (!mechanisms.containsKey(name)) {
            throw new IllegalArgumentException("user " + user.login() + ": unknown mechanism '" + name + "'");
          }
        }
      }
    }
  }

  public static CyberArkData load(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), CyberArkData.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("stub data " + file + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Generated load users: any login of the load-user grammar ({@code vendor.cyberark.LoadUserLogin}) behaves like
   * the user {@code like}. {@code pattern} is refused: the grammar has one codec, no copy in a data file.
   */
  @JsonIgnoreProperties({"_comment"})
  public record LoadUsers(String like, String pattern) {
    public LoadUsers {
      if (like == null) {
        throw new IllegalArgumentException("loadUsers needs like (the user the load users behave like)");
      }
      if (pattern != null) {
        throw new IllegalArgumentException("loadUsers.pattern is not read any more: load-user logins follow one"
            + " grammar, load[.p<N>][.t<MS>][.deny][.pod][.repack].<id>@idv.test (docs/stub-server.md); remove it");
      }
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
