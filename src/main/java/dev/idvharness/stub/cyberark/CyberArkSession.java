package dev.idvharness.stub.cyberark;

import dev.idvharness.stub.stats.PollRecord;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One authentication session: where the user stands in its challenges, which OOB mechanism is started, how many
 * polls and wrong answers it has seen. Kept small (one million fit in well under 1 GiB); every change happens under
 * the session's own lock.
 */
final class CyberArkSession {

  static final int NOT_STARTED = -1;

  final CyberArkUser user;
  final String tenantId;
  /** MechanismIds are derived from this salt: unique within the session, opaque outside it; a new package renews it. */
  private long salt = ThreadLocalRandom.current().nextLong();
  int challenge;
  int started = NOT_STARTED;
  long oobStartedAt;
  int pendingPollsAnswered;
  int failures;
  boolean ended;
  /** Whether the session already answered its one NewPackage after the first challenge. */
  boolean repackaged;
  final PollRecord polls = new PollRecord();

  CyberArkSession(CyberArkUser user, String tenantId) {
    this.user = user;
    this.tenantId = tenantId;
  }

  static String newSessionId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** A new package: the MechanismIds of the old one stop working. */
  void renewMechanismIds() {
    salt = ThreadLocalRandom.current().nextLong();
  }

  String mechanismId(int challengeIndex, int mechanismIndex) {
    return new UUID(salt, ((long) challengeIndex << 32) | mechanismIndex).toString();
  }

  /** The index within the current challenge of a MechanismId, or -1 when it is not one of that challenge. */
  int mechanismIndex(String mechanismId) {
    if (mechanismId.length() != 36) {
      return -1;
    }
    try {
      UUID id = UUID.fromString(mechanismId);
      int index = (int) id.getLeastSignificantBits();
      boolean current = id.getMostSignificantBits() == salt && (id.getLeastSignificantBits() >>> 32) == challenge;
      return current && index >= 0 && index < user.challenges().get(challenge).size() ? index : -1;
    } catch (IllegalArgumentException notAUuid) {
      return -1;
    }
  }

  String mechanismName(int index) {
    return user.challenges().get(challenge).get(index);
  }
}
