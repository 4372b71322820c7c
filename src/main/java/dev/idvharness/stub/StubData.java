package dev.idvharness.stub;

import dev.idvharness.stub.cyberark.CyberArkData;
import dev.idvharness.stub.cyberark.CyberArkUser;
import dev.idvharness.stub.cyberark.UserDirectory;
import dev.idvharness.stub.ironvest.IronVestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stub conventions of a root dir ({@code <root>/data/*.json}), read by the stub server's own readers: what a
 * test, a load run or a conformance run needs to act as a stub user (passwords, codes, API keys), and every such
 * value, so that reports can be scanned for them. These values live only in the data files, never in Java.
 */
public final class StubData {

  private final CyberArkData cyberArk;
  private final UserDirectory users;
  private final IronVestData ironVest;

  private StubData(CyberArkData cyberArk, IronVestData ironVest) {
    this.cyberArk = cyberArk;
    this.users = new UserDirectory(cyberArk);
    this.ironVest = ironVest;
  }

  public static StubData load(Path rootDir) {
    return new StubData(CyberArkData.load(rootDir.resolve("data/cyberark.json")),
        IronVestData.load(rootDir.resolve("data/ironvest.json")));
  }

  /** The stub user of a login (generated load users included), if the data knows it. */
  public Optional<CyberArkUser> user(String login) {
    CyberArkUser user = users.find(login, null);
    return user.password() == null ? Optional.empty() : Optional.of(user);
  }

  /** The password of a stub user; fails naming the login when the data has no such user. */
  public String passwordOf(String login) {
    return user(login).map(CyberArkUser::password).orElseThrow(() ->
        new IllegalArgumentException("no stub user " + login + " in data/cyberark.json"));
  }

  /** The password of the generated load users (they answer like the user {@code loadUsers.like}). */
  public String loadUserPassword() {
    if (cyberArk.loadUsers() == null) {
      throw new IllegalArgumentException("data/cyberark.json defines no loadUsers");
    }
    return passwordOf(cyberArk.loadUsers().like());
  }

  /** The TenantId the CyberArk stub answers with when a request names none. */
  public String defaultTenantId() {
    return cyberArk.defaultTenantId();
  }

  /** The API key of an IronVest client (cid). */
  public Optional<String> apiKeyOf(String cid) {
    return ironVest.clients().stream().filter(client -> client.cid().equals(cid))
        .map(IronVestData.Client::apiKey).findFirst();
  }

  /** The API key of an IronVest client; fails naming the cid when the data has no such client. */
  public String requireApiKeyOf(String cid) {
    return apiKeyOf(cid).orElseThrow(() -> new IllegalArgumentException("no IronVest client " + cid
        + " in data/ironvest.json"));
  }

  /** Every password, code and API key in the data. */
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (CyberArkUser user : cyberArk.users()) {
      Stream.of(user.password(), user.oathCode(), user.oobCode()).filter(value -> value != null && !value.isBlank())
          .forEach(secrets::add);
    }
    ironVest.clients().forEach(client -> secrets.add(client.apiKey()));
    return secrets.stream().distinct().toList();
  }
}
