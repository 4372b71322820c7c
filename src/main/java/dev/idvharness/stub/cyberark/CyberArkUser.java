package dev.idvharness.stub.cyberark;

import java.util.List;

/**
 * A stub user: its login (or UUID), the challenges it must pass in order (each a list of mechanism Names, one of
 * which must be passed), the answers it accepts, and how it acts on an out-of-band prompt.
 * UP is answered with {@code password}, any other Text mechanism with {@code oathCode}, a StartTextOob mechanism
 * with {@code oobCode}. Two behaviours real clients handle: {@code otherPod} (the tenant "lives on another pod": the
 * StartAuthentication names it in {@code PodFqdn}, and the client repeats the call there) and
 * {@code newPackageAfterFirst} (passing the first challenge answers a {@code NewPackage} with the remaining challenges,
 * under new MechanismIds, instead of {@code StartNextChallenge}).
 */
public record CyberArkUser(
    String login,
    String uuid,
    String displayName,
    String password,
    List<List<String>> challenges,
    String oathCode,
    String oobCode,
    Oob oob,
    String sessionShape,
    Boolean otherPod,
    Boolean newPackageAfterFirst) {

  public CyberArkUser {
    if (login == null || login.isBlank()) {
      throw new IllegalArgumentException("login is required");
    }
    if (challenges == null || challenges.isEmpty() || challenges.stream().anyMatch(c -> c == null || c.isEmpty())) {
      throw new IllegalArgumentException("user " + login + ": challenges must be a non-empty list of non-empty lists");
    }
    challenges = challenges.stream().map(List::copyOf).toList();
    oob = oob == null ? new Oob(null, null, null) : oob;
    sessionShape = sessionShape == null ? "ReturnData" : sessionShape;
    if (!sessionShape.equals("ReturnData") && !sessionShape.equals("Result")) {
      throw new IllegalArgumentException("user " + login + ": sessionShape must be ReturnData or Result");
    }
    displayName = displayName == null ? login : displayName;
    otherPod = Boolean.TRUE.equals(otherPod);
    newPackageAfterFirst = Boolean.TRUE.equals(newPackageAfterFirst);
    if (newPackageAfterFirst && challenges.size() < 2) {
      throw new IllegalArgumentException("user " + login + ": newPackageAfterFirst needs at least two challenges");
    }
  }

  /** An unknown login still gets a normal-looking package (no user enumeration); nothing it answers is right. */
  static CyberArkUser unknown(String login) {
    return new CyberArkUser(login, null, login, null, List.of(List.of("UP")), null, null, null, null, false, false);
  }

  boolean isUnknown() {
    return uuid == null && password == null;
  }

  /** A generated load user: this user's secrets and challenges, its own login and behaviours. */
  CyberArkUser withLogin(String newLogin, Oob newOob, boolean onOtherPod, boolean newPackage) {
    return new CyberArkUser(newLogin, null, newLogin, password, challenges, oathCode, oobCode, newOob, sessionShape,
        otherPod || onOtherPod, newPackageAfterFirst || newPackage);
  }

  /** The secret that answers a mechanism, or null when none does. */
  String secretFor(String name, MechanismTemplate template) {
    if (MechanismTemplate.START_TEXT_OOB.equals(template.answerType())) {
      return oobCode;
    }
    return "UP".equals(name) ? password : oathCode;
  }

  /**
   * The user's behaviour on an out-of-band prompt: approve (or deny, with {@code deny}) after {@code pendingPolls}
   * polls answered OobPending, or once {@code approveAfterMs} have passed since StartOOB; approve at the first poll
   * when neither is set.
   */
  public record Oob(Integer pendingPolls, Long approveAfterMs, Boolean deny) {
    public Oob {
      if (pendingPolls != null && pendingPolls < 0) {
        throw new IllegalArgumentException("oob.pendingPolls must be >= 0");
      }
      if (approveAfterMs != null && approveAfterMs < 0) {
        throw new IllegalArgumentException("oob.approveAfterMs must be >= 0");
      }
      deny = Boolean.TRUE.equals(deny);
    }
  }
}
