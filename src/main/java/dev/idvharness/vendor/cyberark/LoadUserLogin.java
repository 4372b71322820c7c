package dev.idvharness.vendor.cyberark;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stubs' generated CyberArk load users, as a login: {@code load[.p<N>][.t<MS>][.deny][.pod][.repack].<id>@idv.test}
 * ({@code p} pending Polls before the push is answered, {@code t} the push approved MS after StartOOB, {@code deny}
 * the push denied, {@code pod} the tenant on another pod, {@code repack} a NewPackage after the password). The one
 * codec of the convention: the load feeders write it, the stub reads it; a login outside it is no load user.
 */
public record LoadUserLogin(Integer pendingPolls, Long approveAfterMs, boolean deny, boolean otherPod,
    boolean newPackage, String id) {

  /** Logins are case-insensitive everywhere, generated ones included. */
  private static final Pattern LOGIN = Pattern.compile("^load(?:\\.p(\\d{1,5}))?(?:\\.t(\\d{1,7}))?(\\.deny)?"
      + "(\\.pod)?(\\.repack)?\\.([A-Za-z0-9_-]{1,64})@idv\\.test$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int LONGEST = 256;

  public LoadUserLogin {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a load user's id is 1 to 64 letters, digits, '_' or '-', not " + id);
    }
    if (pendingPolls != null && (pendingPolls < 0 || pendingPolls > 99_999)) {
      throw new IllegalArgumentException("pending Polls from 0 to 99999, not " + pendingPolls);
    }
    if (approveAfterMs != null && (approveAfterMs < 0 || approveAfterMs > 9_999_999)) {
      throw new IllegalArgumentException("an approval from 0 to 9999999 ms, not " + approveAfterMs);
    }
  }

  /** A user whose push is approved {@code approveAfterMs} after StartOOB. */
  public static LoadUserLogin approvedAfter(long approveAfterMs, boolean otherPod, boolean newPackage, String id) {
    return new LoadUserLogin(null, approveAfterMs, false, otherPod, newPackage, id);
  }

  public String login() {
    return "load" + (pendingPolls == null ? "" : ".p" + pendingPolls)
        + (approveAfterMs == null ? "" : ".t" + approveAfterMs) + (deny ? ".deny" : "") + (otherPod ? ".pod" : "")
        + (newPackage ? ".repack" : "") + "." + id + "@idv.test";
  }

  /** The load user a login names, or empty when it is none. */
  public static Optional<LoadUserLogin> parse(String login) {
    if (login == null || login.length() > LONGEST) {
      return Optional.empty();
    }
    Matcher matcher = LOGIN.matcher(login);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new LoadUserLogin(matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1)),
        matcher.group(2) == null ? null : Long.valueOf(matcher.group(2)), matcher.group(3) != null,
        matcher.group(4) != null, matcher.group(5) != null, matcher.group(6)));
  }
}
