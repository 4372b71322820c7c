package dev.idvharness.load;

import dev.idvharness.run.Target;
import dev.idvharness.vendor.cyberark.LoadUserLogin;
import dev.idvharness.vendor.ironvest.CsidConventions;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Every virtual user gets its own vendor session, from the stubs' load-user conventions: CyberArk logins
 * {@code load.t<MS>[.pod][.repack].<id>@idv.test} (push approved MS after StartOOB; see
 * {@link #cyberArkLoadUsers}), IronVest csids {@code load-p<N>-r<MS>-<id>}
 * (N "processing" answers with retryAfterMS MS; {@code noretry} for none). Ids carry a run id so runs never share
 * a session.
 */
final class Feeders {

  static final String LOGIN = "login";
  static final String CSID = "csid";
  static final String UID = "uid";

  private Feeders() {}


  /** Against a vendor: the same configured user, csid and uid for everyone (each still gets its own session). */
  static Iterator<Map<String, Object>> vendorUser(Target.VendorUser user) {
    Map<String, Object> record = Map.of(LOGIN, user.cyberArkLogin(), CSID, user.ironVestCsid(), UID,
        user.ironVestUid());
    return Stream.generate(() -> record).iterator();
  }

  /**
   * Of every 100 users, the first {@code otherPodShare} live on another pod ({@code .pod}) and those from the 50th on,
   * {@code newPackageShare} of them, get a NewPackage after the password ({@code .repack}).
   */
  static Iterator<Map<String, Object>> cyberArkLoadUsers(long approvalMs, LoadSettings.CyberArkQuirks quirks,
      String runId) {
    AtomicLong next = new AtomicLong();
    return Stream.generate(() -> {
      long n = next.incrementAndGet();
      boolean otherPod = n % 100 < quirks.otherPodShare() * 100;
      boolean newPackage = (n + 50) % 100 < quirks.newPackageShare() * 100;
      return Map.<String, Object>of(LOGIN,
          LoadUserLogin.approvedAfter(approvalMs, otherPod, newPackage, runId + "-vu" + n).login());
    }).iterator();
  }

  static Iterator<Map<String, Object>> ironVestSessions(int processingCalls, int retryAfterMs, String runId) {
    AtomicLong next = new AtomicLong();
    return Stream.generate(() -> {
      long n = next.incrementAndGet();
      return Map.<String, Object>of(
          CSID, CsidConventions.loadCsid(processingCalls, retryAfterMs, runId + "-vu" + n),
          UID, "load-" + runId + "-" + n);
    }).iterator();
  }
}
