package dev.idvharness.stub.ironvest;

import dev.idvharness.stub.serve.Reply;
import dev.idvharness.stub.stats.PollRecord;
import dev.idvharness.vendor.ironvest.CsidConventions;

/** One csid: its conventions, how far it got, and once decided the decision it repeats. Guarded by its own lock. */
final class IronVestSession {

  final CsidConventions conventions;
  int unavailableAnswered;
  int processingAnswered;
  Reply decision;
  final PollRecord polls = new PollRecord();

  IronVestSession(String csid) {
    this.conventions = CsidConventions.of(csid);
  }
}
