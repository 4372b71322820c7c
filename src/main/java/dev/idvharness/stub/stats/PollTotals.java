package dev.idvharness.stub.stats;

import java.util.ArrayList;
import java.util.List;

/** Where a session's poll record adds its calls: the vendor's totals, or a tally applied once a change is kept. */
public interface PollTotals {

  int toleranceMs();

  int gapsKept();

  void record(long gap, boolean tooEarly);

  /**
   * A tally of {@code totals}: a change of a shared session may run twice (another replica changed it meanwhile), and
   * only the run that is kept may count; {@link Deferred#commit} adds it.
   */
  static Deferred deferred(PollTotals totals) {
    return new Deferred(totals);
  }

  final class Deferred implements PollTotals {

    private final PollTotals totals;
    private final List<long[]> calls = new ArrayList<>(2);

    private Deferred(PollTotals totals) {
      this.totals = totals;
    }

    @Override
    public int toleranceMs() {
      return totals.toleranceMs();
    }

    @Override
    public int gapsKept() {
      return totals.gapsKept();
    }

    @Override
    public void record(long gap, boolean tooEarly) {
      calls.add(new long[] {gap, tooEarly ? 1 : 0});
    }

    public void commit() {
      calls.forEach(call -> totals.record(call[0], call[1] == 1));
    }
  }
}
