package dev.idvharness.stub.cyberark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks users up by login or UUID, and builds the generated load users from their login. */
public final class UserDirectory {

  private final Map<String, CyberArkUser> byLogin = new HashMap<>();
  private final Map<String, CyberArkUser> byUuid = new HashMap<>();
  private final Pattern loadPattern;
  private final CyberArkUser loadTemplate;

  public UserDirectory(CyberArkData data) {
    for (CyberArkUser user : data.users()) {
      byLogin.put(user.login().toLowerCase(Locale.ROOT), user);
      if (user.uuid() != null) {
        byUuid.put(user.uuid().toLowerCase(Locale.ROOT), user);
      }
    }
    CyberArkData.LoadUsers load = data.loadUsers();
    if (load == null) {
      loadPattern = null;
      loadTemplate = null;
      return;
    }
    loadTemplate = byLogin.get(load.like().toLowerCase(Locale.ROOT));
    if (loadTemplate == null) {
      throw new IllegalArgumentException("loadUsers.like names no user: " + load.like());
    }
    // logins are case-insensitive everywhere, generated ones included
    loadPattern = Pattern.compile(load.pattern(), Pattern.CASE_INSENSITIVE);
  }

  /** The user of a login (case-insensitive) or UUID; unknown ones get a user that cannot pass. */
  public CyberArkUser find(String login, String uuid) {
    if (login != null) {
      CyberArkUser user = byLogin.get(login.toLowerCase(Locale.ROOT));
      if (user != null) {
        return user;
      }
      CyberArkUser generated = generated(login);
      return generated != null ? generated : CyberArkUser.unknown(login);
    }
    CyberArkUser user = byUuid.get(uuid.toLowerCase(Locale.ROOT));
    return user != null ? user : CyberArkUser.unknown(uuid);
  }

  private CyberArkUser generated(String login) {
    if (loadPattern == null || login.length() > 256) {
      return null;
    }
    Matcher matcher = loadPattern.matcher(login);
    if (!matcher.matches()) {
      return null;
    }
    CyberArkUser.Oob base = loadTemplate.oob();
    String polls = group(matcher, "pendingPolls");
    String after = group(matcher, "approveAfterMs");
    boolean overridden = polls != null || after != null;
    CyberArkUser.Oob oob = new CyberArkUser.Oob(
        polls != null ? Integer.valueOf(polls) : (overridden ? null : base.pendingPolls()),
        after != null ? Long.valueOf(after) : (overridden ? null : base.approveAfterMs()),
        group(matcher, "deny") != null || base.deny());
    return loadTemplate.withLogin(login, oob, group(matcher, "pod") != null, group(matcher, "newPackage") != null);
  }

  private static String group(Matcher matcher, String name) {
    try {
      return matcher.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }
}
