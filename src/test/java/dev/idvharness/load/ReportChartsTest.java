package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report's pictures from given numbers: where the points and the gate line land. */
class ReportChartsTest {

  @Test
  void thePercentileCurveHasAPointPerPercentileAndTheGateIsDrawnAtItsValue() {
    Histogram times = FlowResult.histogram();
    for (int i = 1; i <= 1_000; i++) {
      times.recordValue(i);
    }
    JsonNode curve = RunReport.percentileCurve(times);

    String svg = ReportCharts.percentileCurve("ironvest", curve, 2_000);

    Matcher points = Pattern.compile("<polyline class=\"curve\"[^>]*points=\"([^\"]+)\"").matcher(svg);
    assertThat(points.find()).isTrue();
    assertThat(points.group(1).split(" ")).hasSize(curve.size());
    assertThat(curve.get(curve.size() - 1).get(1).asLong()).isEqualTo(times.getMaxValue());
    // y of 2000 ms on a 0..2200 ms axis, plotted from y=190 (0) up to y=16 (2200)
    assertThat(svg).contains("<line class=\"gate\" x1=\"56.0\" y1=\"31.8\"").contains("gate p95 2000 ms");
  }

  @Test
  void anEmptyFlowDrawsNoCurve() {
    assertThat(ReportCharts.percentileCurve("cyberark", RunReport.percentileCurve(FlowResult.histogram()), 4_000))
        .isEmpty();
  }
}
