package dev.idvharness.stub.cyberark;

import dev.idvharness.vendor.cyberark.LoadUserLogin;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Looks users up by login or UUID, and builds the generated load users from their login. */
public final class UserDirectory {

  private final Map<String, CyberArkUser> byLogin = new HashMap<>();
  private final Map<String, CyberArkUser> byUuid = new HashMap<>();
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
      loadTemplate = null;
      return;
    }
    loadTemplate = byLogin.get(load.like().toLowerCase(Locale.ROOT));
    if (loadTemplate == null) {
      throw new IllegalArgumentException("loadUsers.like names no user: " + load.like());
    }
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
    if (loadTemplate == null) {
      return null;
    }
    return LoadUserLogin.parse(login).map(load -> {
      CyberArkUser.Oob base = loadTemplate.oob();
      boolean overridden = load.pendingPolls() != null || load.approveAfterMs() != null;
      CyberArkUser.Oob oob = new CyberArkUser.Oob(
          overridden ? load.pendingPolls() : base.pendingPolls(),
          overridden ? load.approveAfterMs() : base.approveAfterMs(),
          load.deny() || base.deny());
      return loadTemplate.withLogin(login, oob, load.otherPod(), load.newPackage());
    }).orElse(null);
  }
}
