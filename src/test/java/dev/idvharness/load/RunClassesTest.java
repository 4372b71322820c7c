package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The classes a run needs at its end are read from the jar (or class folder), not from a hand-kept list. */
class RunClassesTest {

  @Test
  void everyClassOfTheChainsRecordsAndReportsIsLoadedBeforeTraffic() {
    var loaded = RunClasses.loadAll();

    // the class whose late loading at the open-file limit lost a stress run's results, and its peers
    assertThat(loaded).contains("dev.idvharness.client.Outcome$Kind", "dev.idvharness.load.ResultsJson",
        "dev.idvharness.report.RunReportFiles", "dev.idvharness.report.ReportedGate", "dev.idvharness.load.StressGuard$Stop",
        "dev.idvharness.json.HarnessJson", "org.HdrHistogram.HistogramLogWriter");
    assertThat(loaded).noneMatch(name -> name.startsWith("dev.idvharness.stub."));
  }
}
