package dev.idvharness.stub.cyberark;

import dev.idvharness.stub.serve.StateCodec;
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
  PollRecord polls = new PollRecord();

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

  /** The state as a shared store keeps it: the user by login (the directory gives it back), the tenant, the walk. */
  static StateCodec<CyberArkSession> codec(UserDirectory directory) {
    return new StateCodec<>() {
      @Override
      public String encode(CyberArkSession session) {
        // the tenant id is letters, digits, '_', '-' or '.'; the login comes last, so it may hold anything
        return session.salt + "|" + session.challenge + "|" + session.started + "|" + session.oobStartedAt + "|"
            + session.pendingPollsAnswered + "|" + session.failures + "|" + (session.ended ? 1 : 0) + "|"
            + (session.repackaged ? 1 : 0) + "|" + session.polls.state() + "|" + session.tenantId + "|"
            + session.user.login();
      }

      @Override
      public CyberArkSession decode(String text) {
        String[] fields = text.split("\\|", 11);
        CyberArkSession session = new CyberArkSession(directory.find(fields[10], null), fields[9]);
        session.salt = Long.parseLong(fields[0]);
        session.challenge = Integer.parseInt(fields[1]);
        session.started = Integer.parseInt(fields[2]);
        session.oobStartedAt = Long.parseLong(fields[3]);
        session.pendingPollsAnswered = Integer.parseInt(fields[4]);
        session.failures = Integer.parseInt(fields[5]);
        session.ended = fields[6].equals("1");
        session.repackaged = fields[7].equals("1");
        session.polls = PollRecord.of(fields[8]);
        return session;
      }
    };
  }
}
