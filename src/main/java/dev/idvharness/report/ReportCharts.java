package dev.idvharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * The pictures of {@code reports/index.html}, laid out by JFreeChart (axes with round ticks, legends, labels that
 * fit) and written by JFreeSVG as inline SVG, so nothing is fetched when the page opens: per flow the time to
 * verdict by percentile with its gate; per simulation the verdicts per second with the lag on its own axis and the
 * drain shaded; per request name the p50, p95 and p99 with their values and gates.
 */
final class ReportCharts {

  static final int WIDTH = 560;
  static final int HEIGHT = 300;
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0x9467bd)};
  private static final Color GATE = new Color(0xb00020);
  private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
      10f, new float[] {6f, 4f}, 0f);
  private static final BasicStroke LINE = new BasicStroke(2f);
  private static final String DEFS_PLACEHOLDER = "chart-defs-";
  /** Room above the highest point, so a line at its maximum is not drawn on the plot's border or the labels. */
  private static final double HEADROOM = 0.2;

  static {
    // JFreeChart draws rotated text (the vertical axes' labels) as glyph outlines unless told otherwise; as SVG
    // text they stay text (searchable, sharp at any zoom)
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ReportCharts() {}

  /** x: the percentile, its tail log-scaled (90, 99, 99.9, 99.99 % equally apart); y: ms; the gate as a line. */
  static String percentileCurve(String flow, JsonNode curve, long limitMs) {
    if (curve.isEmpty()) {
      return "";
    }
    XYSeries times = new XYSeries("time to verdict");
    for (JsonNode point : curve) {
      double percentile = Math.min(point.get(0).asDouble(), 99.99);
      times.add(Math.log10(1 / (1 - percentile / 100)), point.get(1).asDouble());
    }
    NumberAxis x = new NumberAxis("percentile (the tail log-scaled)");
    x.setRange(0, 4.15);
    x.setTickUnit(new NumberTickUnit(1, new PercentileFormat()));
    NumberAxis y = new NumberAxis("time to verdict (ms)");
    y.setRange(0, Math.max(limitMs, times.getMaxY()) * 1.15);
    XYPlot plot = new XYPlot(new XYSeriesCollection(times), x, y, lines(COLOURS[0]));
    plot.addRangeMarker(gate(limitMs, "gate p95 " + limitMs + " ms", false));
    return svg(new JFreeChart("time to verdict of " + flow, JFreeChart.DEFAULT_TITLE_FONT, plot, true),
        HEIGHT, "time to verdict of " + flow + ", by percentile");
  }

  /**
   * Verdicts per second of each flow by the 5-second window its flows started in (a window cut short by the end
   * of the injection is divided by the seconds it had), the stub's lag p99 so far and each generator's worst tick
   * lag per window on a second axis in ms, and the drain after the injection shaded.
   */
  static String timeline(String simulation, JsonNode results) {
    double injection = results.path("injectionSeconds").asDouble(0);
    double run = results.path("runSeconds").asDouble(0);
    XYSeriesCollection rates = new XYSeriesCollection();
    for (Map.Entry<String, JsonNode> flow : entries(results.path("flows"))) {
      XYSeries series = new XYSeries(flow.getKey() + " verdicts/s");
      for (JsonNode window : flow.getValue().path("windows")) {
        double start = window.path("second").asDouble();
        double span = injection > start ? Math.max(1, Math.min(5, injection - start)) : 5;
        series.add(start + span / 2, window.path("verdicts").asDouble() / span);
        run = Math.max(run, start + span);
      }
      rates.addSeries(series);
    }
    XYSeriesCollection lags = new XYSeriesCollection();
    XYSeries stubLag = new XYSeries("stub lag p99 so far (ms)");
    for (JsonNode sample : results.path("memory").path("samples")) {
      if (sample.path("stubLagP99Ms").asLong(-1) >= 0) {
        stubLag.add(sample.path("second").asDouble(), sample.path("stubLagP99Ms").asDouble());
      }
    }
    if (!stubLag.isEmpty()) {
      lags.addSeries(stubLag);
    }
    List<Map.Entry<String, JsonNode>> generators = new ArrayList<>();
    if (results.path("generator").isObject()) {
      generators.add(Map.entry("generator", results.path("generator")));
    }
    for (JsonNode row : results.path("generators")) {
      generators.add(Map.entry("generator " + row.path("index").asText(), row.path("generator")));
    }
    for (Map.Entry<String, JsonNode> generator : generators) {
      XYSeries series = new XYSeries(generator.getKey() + " worst tick lag (ms)");
      double windowSeconds = generator.getValue().path("windowSeconds").asDouble(5);
      generator.getValue().path("worstLagMsByWindow").fields().forEachRemaining(window ->
          series.add(Long.parseLong(window.getKey()) + windowSeconds / 2.0, window.getValue().asDouble()));
      if (!series.isEmpty()) {
        lags.addSeries(series);
      }
    }
    if (rates.getSeriesCount() == 0 && lags.getSeriesCount() == 0) {
      return "";
    }
    NumberAxis x = new NumberAxis("seconds into the run");
    x.setRange(0, Math.max(run, 1));
    NumberAxis y = new NumberAxis("verdicts per second");
    y.setAutoRangeIncludesZero(true);
    y.setUpperMargin(HEADROOM);
    XYPlot plot = new XYPlot(rates, x, y, lines(COLOURS));
    if (lags.getSeriesCount() > 0) {
      NumberAxis lagAxis = new NumberAxis("lag (ms)");
      lagAxis.setAutoRangeIncludesZero(true);
      lagAxis.setUpperMargin(HEADROOM);
      plot.setRangeAxis(1, lagAxis);
      plot.setDataset(1, lags);
      plot.mapDatasetToRangeAxis(1, 1);
      XYLineAndShapeRenderer lagLines = lines(Color.GRAY, new Color(0x8c564b), new Color(0xe377c2),
          new Color(0x7f7f7f));
      for (int i = 0; i < 12; i++) {
        lagLines.setSeriesStroke(i, DASHED);
      }
      plot.setRenderer(1, lagLines);
    }
    if (injection > 0 && run > injection) {
      IntervalMarker drain = new IntervalMarker(injection, run, new Color(0xeeeeee));
      // the drain is a few seconds wide: its label stands left of it, pointing at it, so it is never clipped
      drain.setLabel("drain: no new flows \u2192");
      drain.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      drain.setLabelBackgroundColor(new Color(255, 255, 255, 220));
      drain.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      drain.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(drain, Layer.BACKGROUND);
    }
    return svg(new JFreeChart("verdicts per second and lag of " + simulation, JFreeChart.DEFAULT_TITLE_FONT, plot,
        true), HEIGHT, "verdicts per second and lag of " + simulation);
  }

  /** p50, p95 and p99 of each request name as bars with their values, the p95 and p99 gates as lines. */
  static String requestBars(JsonNode requests, long p95LimitMs, long p99LimitMs) {
    if (requests.isEmpty()) {
      return "";
    }
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    long max = Math.max(p99LimitMs, 1);
    for (Map.Entry<String, JsonNode> request : entries(requests)) {
      for (String percentile : new String[] {"p50", "p95", "p99"}) {
        long value = request.getValue().path(percentile).asLong();
        bars.addValue(value, percentile, request.getKey());
        max = Math.max(max, value);
      }
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setAutoPopulateSeriesPaint(false);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    Color[] shades = {new Color(0x2171b5), new Color(0x6baed6), new Color(0x9ecae1)};
    for (int i = 0; i < shades.length; i++) {
      renderer.setSeriesPaint(i, shades[i]);
    }
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} ms", new DecimalFormat("0")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
        TextAnchor.CENTER_LEFT));
    NumberAxis ms = new NumberAxis("response time (ms)");
    // room right of the longest bar for its value label
    ms.setRange(0, max * 1.25);
    CategoryAxis names = new CategoryAxis(null);
    names.setMaximumCategoryLabelWidthRatio(0.45f);
    CategoryPlot plot = new CategoryPlot(bars, names, ms, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.addRangeMarker(gate(p95LimitMs, "gate p95 " + p95LimitMs + " ms", true), Layer.FOREGROUND);
    if (p99LimitMs != p95LimitMs) {
      plot.addRangeMarker(gate(p99LimitMs, "gate p99 " + p99LimitMs + " ms", true), Layer.FOREGROUND);
    }
    int height = 110 + requests.size() * 56;
    return svg(new JFreeChart("response time per request name", JFreeChart.DEFAULT_TITLE_FONT, plot, true),
        height, "response time per request name: p50, p95 and p99");
  }

  /** A gate as a dashed red line, its label just inside the plot: above a level, or beside an upright line. */
  private static ValueMarker gate(long limitMs, String label, boolean upright) {
    ValueMarker marker = new ValueMarker(limitMs, GATE, DASHED);
    marker.setLabel(label);
    marker.setLabelPaint(GATE);
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    // left of an upright line, so a gate near the axis's end keeps its label inside the plot
    marker.setLabelAnchor(upright ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(upright ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_RIGHT);
    return marker;
  }

  private static XYLineAndShapeRenderer lines(Color... colours) {
    XYLineAndShapeRenderer renderer = new SeriesLines();
    // the theme would replace colours and strokes that populate themselves
    renderer.setAutoPopulateSeriesPaint(false);
    renderer.setAutoPopulateSeriesStroke(false);
    // one path per series, not a line per pair of points
    renderer.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < 12; i++) {
      renderer.setSeriesPaint(i, colours[i % colours.length]);
      renderer.setSeriesStroke(i, LINE);
    }
    return renderer;
  }

  /**
   * The chart as an SVG element that scales to the page (its view box), with a title for screen readers. A machine
   * whose Java has no fonts cannot lay out text: the page then says so instead of losing the whole report.
   */
  private static String svg(JFreeChart chart, int height, String title) {
    try {
      StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
      theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      theme.setPlotBackgroundPaint(Color.WHITE);
      theme.setDomainGridlinePaint(new Color(0xdddddd));
      theme.setRangeGridlinePaint(new Color(0xdddddd));
      theme.apply(chart);
      chart.setBackgroundPaint(Color.WHITE);
      chart.setAntiAlias(true);
      chart.setElementHinting(true);
      SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
      g2.setDefsKeyPrefix(DEFS_PLACEHOLDER);
      chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
      String drawn = g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, height), null, null);
      // the ids of clip paths are shared by every SVG of the page: named after what the chart draws, two charts
      // clash only when they are the same picture (a title alone is not enough: each simulation has its bars)
      String element = drawn.replace(DEFS_PLACEHOLDER, "c" + Integer.toHexString(drawn.hashCode()) + "-");
      int open = element.indexOf('>') + 1;
      return element.substring(0, open).replaceFirst("^<svg ", "<svg class=\"chart\" role=\"img\" ")
          + "<title>" + Markup.escape(title) + "</title>" + element.substring(open);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      return "<p class=\"chart\">chart not drawn (" + Markup.escape(title) + "): this Java cannot lay out text: "
          + Markup.escape(e.getClass().getSimpleName()) + "</p>";
    }
  }

  /**
   * Lines whose SVG group names the series and its number of points ({@code class="series" data-series
   * data-points}), so a reader or a test finds a series by name, not by its colour.
   */
  private static final class SeriesLines extends XYLineAndShapeRenderer {

    SeriesLines() {
      super(true, false);
    }

    @Override
    protected void drawFirstPassShape(Graphics2D g2, int pass, int series, int item, Shape shape) {
      XYDataset data = getPlot().getDataset(getPlot().getIndexOf(this));
      Map<String, String> group = new LinkedHashMap<>();
      group.put("class", "series");
      group.put("data-series", String.valueOf(data.getSeriesKey(series)));
      group.put("data-points", String.valueOf(data.getItemCount(series)));
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
      super.drawFirstPassShape(g2, pass, series, item, shape);
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
    }
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }

  /** Tick labels of the percentile axis: x = log10(1 / (1 - p)), so 0, 1, 2 ... read 0 %, 90 %, 99 % ... */
  static final class PercentileFormat extends NumberFormat {

    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition position) {
      double percentile = 100 * (1 - Math.pow(10, -x));
      String text = String.format(Locale.ROOT, "%." + Math.max(0, (int) Math.round(x) - 2) + "f", percentile);
      return to.append(text).append('%');
    }

    @Override
    public StringBuffer format(long x, StringBuffer to, FieldPosition position) {
      return format((double) x, to, position);
    }

    @Override
    public Number parse(String text, ParsePosition position) {
      throw new UnsupportedOperationException("tick labels are only written");
    }
  }
}
