package dev.idvharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.json.HarnessJson;
import dev.idvharness.load.ResultsJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report's pictures from given numbers: ticks a person reads, a legend and a label for everything drawn. */
class ReportChartsTest {

  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
  private static final Pattern TEXT_X = Pattern.compile(
      "(<g transform='[^']*'>)?<text[^>]*\\bx='([-0-9.]+)'[^>]*\\by='([-0-9.]+)'");

  @Test
  void thePercentileCurveReadsInPercentilesWithRoundMillisecondsAndItsGateNamed() {
    Histogram times = new Histogram(3);
    for (int i = 1; i <= 1_000; i++) {
      times.recordValue(i);
    }
    JsonNode curve = ResultsJson.percentileCurve(times);

    String svg = ReportCharts.percentileCurve("ironvest", curve, 2_000);

    assertThat(texts(svg)).contains("0%", "90%", "99%", "99.9%", "99.99%", "gate p95 2000 ms", "time to verdict",
        "time to verdict (ms)", "time to verdict of ironvest");
    assertRoundTicks(svg, "0", "1,000", "2,000");
    assertThat(svg).startsWith("<svg class=\"chart\" role=\"img\"").contains("viewBox='0.0 0.0 560.0 300.0'");
    assertInsideTheChart(svg, ReportCharts.HEIGHT);
  }

  @Test
  void anEmptyFlowDrawsNoCurve() {
    assertThat(ReportCharts.percentileCurve("cyberark", ResultsJson.percentileCurve(new Histogram(3)), 4_000))
        .isEmpty();
  }

  @Test
  void theTimelineHasALegendPerSeriesTheLagOnItsOwnAxisAndTheDrainNamed() {
    ObjectNode results = HarnessJson.MAPPER.createObjectNode().put("runSeconds", 34.0).put("injectionSeconds", 23.0);
    ObjectNode flow = results.putObject("flows").putObject("cyberark");
    for (int second = 0; second <= 20; second += 5) {
      flow.withArray("windows").addObject().put("second", second).put("verdicts", 50);
    }
    for (int second = 0; second <= 30; second += 10) {
      results.with("memory").withArray("samples").addObject().put("second", second).put("stubLagP99Ms", 3 + second);
    }
    results.putObject("generator").putObject("worstLagMsByWindow").put("0", 4).put("5", 120).put("10", 8);

    String svg = ReportCharts.timeline("CyberArkVerificationSimulation", results);

    assertThat(texts(svg)).contains("cyberark verdicts/s", "stub lag p99 so far (ms)", "generator worst tick lag (ms)",
        "lag (ms)", "verdicts per second", "seconds into the run", "drain: no new flows \u2192");
    // the window 20..23 s had 3 s of starts: 50 verdicts in it are 16.7 per second, not 10
    assertThat(svg).contains("<title>verdicts per second and lag of CyberArkVerificationSimulation</title>");
    assertInsideTheChart(svg, ReportCharts.HEIGHT);
  }

  @Test
  void theRequestBarsCarryTheirValuesALegendAndBothGates() {
    ObjectNode requests = HarnessJson.MAPPER.createObjectNode();
    requests.putObject("IronVestValidation/Validate").put("p50", 12).put("p95", 87).put("p99", 143);
    requests.putObject("CyberArkVerification/Poll").put("p50", 4).put("p95", 9).put("p99", 31);

    String svg = ReportCharts.requestBars(requests, 500, 1_000);

    assertThat(texts(svg)).contains("p50", "p95", "p99", "12 ms", "87 ms", "143 ms", "31 ms", "gate p95 500 ms",
        "gate p99 1000 ms", "IronVestValidation/Validate", "CyberArkVerification/Poll", "response time (ms)");
    assertInsideTheChart(svg, 110 + 2 * 56);
  }

  @Test
  void twoChartsOfOnePageNeverShareAClipPathId() {
    ObjectNode cyberArk = HarnessJson.MAPPER.createObjectNode();
    cyberArk.putObject("CyberArkVerification/Poll").put("p50", 4).put("p95", 9).put("p99", 31);
    ObjectNode ironVest = HarnessJson.MAPPER.createObjectNode();
    ironVest.putObject("IronVestValidation/Validate").put("p50", 31).put("p95", 49).put("p99", 67);

    // same title, other bars: a browser would clip the second with the first one's rectangles
    List<String> first = clipIds(ReportCharts.requestBars(cyberArk, 500, 1_000));
    List<String> second = clipIds(ReportCharts.requestBars(ironVest, 500, 1_000));

    assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
    assertThat(second).isNotEmpty();
    assertThat(clipIds(ReportCharts.requestBars(ironVest, 500, 1_000))).as("the same picture, the same ids")
        .isEqualTo(second);
  }

  @Test
  void aReasonPerLineInTheFailuresColumnAndNoneWithout() {
    ObjectNode simulation = HarnessJson.MAPPER.createObjectNode();
    simulation.putObject("flows").putObject("ironvest").putObject("failures").put("Validate check failed", 3);
    simulation.with("flows").putObject("cyberark").putObject("failures");
    ObjectNode simulations = HarnessJson.MAPPER.createObjectNode();
    simulations.set("IronVestValidationSimulation", simulation);

    String html = ReportIndex.render(simulations, false);

    assertThat(html).contains("<td>Validate check failed: 3</td>").contains("<td>none</td>").doesNotContain("{}");
  }

  private static List<String> clipIds(String svg) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = Pattern.compile("<clipPath id='([^']+)'").matcher(svg);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static List<String> texts(String svg) {
    List<String> texts = new ArrayList<>();
    Matcher matcher = TEXT.matcher(svg);
    while (matcher.find()) {
      texts.add(matcher.group(1).replace("&amp;", "&"));
    }
    return texts;
  }

  /** The numeric tick labels that are given appear, and each step between them is the same 1, 2 or 5 × 10^k. */
  private static void assertRoundTicks(String svg, String... expected) {
    assertThat(texts(svg)).contains(expected);
    List<BigDecimal> ticks = texts(svg).stream().filter(text -> text.matches("[0-9,]+"))
        .map(text -> new BigDecimal(text.replace(",", ""))).sorted().toList();
    BigDecimal step = ticks.get(1).subtract(ticks.get(0));
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i).subtract(ticks.get(i - 1))).isEqualByComparingTo(step);
    }
    assertThat(step.stripTrailingZeros().unscaledValue().intValue()).isIn(1, 2, 5, 25);
  }

  /** Every upright label starts inside the picture: nothing is drawn outside its view box. */
  private static void assertInsideTheChart(String svg, int height) {
    Matcher matcher = TEXT_X.matcher(svg);
    int labels = 0;
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        continue; // a rotated label's x and y are in its own turned frame
      }
      labels++;
      assertThat(Double.parseDouble(matcher.group(2))).as(matcher.group()).isBetween(0.0, (double) ReportCharts.WIDTH);
      assertThat(Double.parseDouble(matcher.group(3))).as(matcher.group()).isBetween(0.0, (double) height);
    }
    assertThat(labels).isGreaterThan(5);
  }
}
