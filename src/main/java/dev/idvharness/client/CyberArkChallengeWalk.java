package dev.idvharness.client;

import java.util.List;
import java.util.Optional;

/**
 * Where a client stands in a CyberArk package (contract 1.3): the challenges it was given and the one it is on. The
 * deciding answer of a challenge (the Answer's, or the poll loop's last) moves it on: {@code StartNextChallenge} to the
 * next challenge, {@code NewPackage} to the first challenge of the new package (the server may swap the package at
 * any time; real clients restart with it), {@code LoginSuccess} to the verdict "passed". A pure rule: the conformance
 * world and the Gatling chain both walk with it.
 *
 * @param packages how many packages this authentication has seen, the first one included
 */
public record CyberArkChallengeWalk(List<List<CyberArkAnswer.Mechanism>> challenges, int index, int packages) {

  /** A server that keeps swapping packages would hold the client forever: three is more than any flow needs. */
  public static final int MAX_PACKAGES = 3;
  public static final String PASSWORD = "UP";

  public CyberArkChallengeWalk {
    challenges = List.copyOf(challenges);
  }

  /** The walk of a StartAuthentication answer (or of a NewPackage), at its first challenge. */
  public static CyberArkChallengeWalk start(CyberArkAnswer newPackage) {
    return new CyberArkChallengeWalk(newPackage.challenges(), 0, 1);
  }

  /** The mechanism to use in the current challenge: the password when offered, else {@code oobName}. */
  public Optional<CyberArkAnswer.Mechanism> choose(String oobName) {
    return offered(PASSWORD).or(() -> offered(oobName));
  }

  /** The mechanism called {@code name} in the current challenge, if offered. */
  public Optional<CyberArkAnswer.Mechanism> offered(String name) {
    return index < challenges.size()
        ? challenges.get(index).stream().filter(m -> name.equals(m.name())).findFirst()
        : Optional.empty();
  }

  /** What the deciding answer of the current challenge means: the next place in the walk, or the end. */
  public Step after(CyberArkAnswer answer) {
    if (answer.exchange().status() != 200 || answer.success().isEmpty()) {
      return end(Outcome.Kind.PROTOCOL, "not the CyberArk envelope (HTTP " + answer.exchange().status() + ")");
    }
    if (!answer.succeeded()) {
      return end(Outcome.Kind.DENIED, answer.summary());
    }
    String summary = String.valueOf(answer.summary());
    return switch (summary) {
      case "LoginSuccess" -> end(Outcome.Kind.PASSED, summary);
      case "StartNextChallenge" -> index + 1 < challenges.size()
          ? new Step(new CyberArkChallengeWalk(challenges, index + 1, packages), null)
          : end(Outcome.Kind.PROTOCOL, "StartNextChallenge after the last of " + challenges.size() + " challenge(s)");
      case "NewPackage" -> newPackage(answer);
      default -> end(Outcome.Kind.PROTOCOL, "unexpected Summary " + summary);
    };
  }

  private Step newPackage(CyberArkAnswer answer) {
    if (packages >= MAX_PACKAGES) {
      return end(Outcome.Kind.PROTOCOL, "a NewPackage after " + packages + " packages");
    }
    List<List<CyberArkAnswer.Mechanism>> next = answer.challenges();
    if (next.isEmpty()) {
      return end(Outcome.Kind.PROTOCOL, "a NewPackage without Challenges");
    }
    return new Step(new CyberArkChallengeWalk(next, 0, packages + 1), null);
  }

  private static Step end(Outcome.Kind kind, String detail) {
    return new Step(null, new LoopStep.End(kind, detail));
  }

  /** Either the walk goes on ({@code next}) or it is over ({@code end}). */
  public record Step(CyberArkChallengeWalk next, LoopStep.End end) {
    public boolean isOver() {
      return end != null;
    }
  }
}
