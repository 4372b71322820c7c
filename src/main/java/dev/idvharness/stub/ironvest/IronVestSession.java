package dev.idvharness.stub.ironvest;

import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.serve.StateCodec;
import dev.idvharness.stub.stats.PollRecord;
import dev.idvharness.vendor.ironvest.CsidConventions;

/** One csid: its conventions, how far it got, and once decided the decision it repeats. Guarded by its own lock. */
final class IronVestSession {

  final String csid;
  final CsidConventions conventions;
  int unavailableAnswered;
  int processingAnswered;
  Reply decision;
  PollRecord polls = new PollRecord();

  IronVestSession(String csid) {
    this.csid = csid;
    this.conventions = CsidConventions.of(csid);
  }

  /** The state as a shared store keeps it; the csid comes last, so it may hold anything. */
  static final StateCodec<IronVestSession> CODEC = new StateCodec<>() {
    @Override
    public String encode(IronVestSession session) {
      String decision = session.decision == null ? "" : session.decision.body().toString();
      return session.unavailableAnswered + "|" + session.processingAnswered + "|" + session.polls.state() + "|"
          + decision.length() + "|" + decision + session.csid;
    }

    @Override
    public IronVestSession decode(String text) {
      String[] fields = text.split("\\|", 5);
      int decisionLength = Integer.parseInt(fields[3]);
      IronVestSession session = new IronVestSession(fields[4].substring(decisionLength));
      session.unavailableAnswered = Integer.parseInt(fields[0]);
      session.processingAnswered = Integer.parseInt(fields[1]);
      session.polls = PollRecord.of(fields[2]);
      if (decisionLength > 0) {
        session.decision = Reply.ok(Json.parseObject(fields[4].substring(0, decisionLength)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElseThrow());
      }
      return session;
    }
  };
}
