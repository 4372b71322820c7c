package dev.idvharness.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pictures of {@code reports/index.html}, as inline SVG (nothing fetched from anywhere): per flow the time to
 * verdict as a percentile curve with a log-scaled tail and its gate drawn across; per simulation the verdicts per
 * second and the stub's lag over the run; per request name the p50, p95 and p99 beside their gates.
 */
final class ReportCharts {

  private static final int WIDTH = 560;
  private static final int HEIGHT = 220;
  private static final int LEFT = 56;
  private static final int BOTTOM = 30;
  private static final int TOP = 16;
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};

  private ReportCharts() {}

  /** x: the percentile on a log scale of 1/(1-p) up to 99.99 %; y: milliseconds; the dashed line is the gate. */
  static String percentileCurve(String flow, JsonNode curve, long limitMs) {
    if (curve.isEmpty()) {
      return "";
    }
    double maxX = 4; // 99.99 %
    long top = Math.max(limitMs, curve.get(curve.size() - 1).get(1).asLong());
    double maxY = top * 1.1;
    StringBuilder points = new StringBuilder();
    for (JsonNode point : curve) {
      double percentile = Math.min(point.get(0).asDouble(), 99.99);
      double x = Math.log10(1 / (1 - percentile / 100));
      points.append(fmt(px(x, maxX))).append(',').append(fmt(py(point.get(1).asDouble(), maxY))).append(' ');
    }
    StringBuilder svg = open("time to verdict of " + flow + ", by percentile");
    axisY(svg, maxY, "ms");
    String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
    for (int i = 0; i < labels.length; i++) {
      svg.append(text(px(i, maxX), HEIGHT - 10, labels[i], "middle"));
    }
    svg.append(String.format(Locale.ROOT, "<line class=\"gate\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#b00020\""
        + " stroke-dasharray=\"6 4\"/>", fmt(LEFT), fmt(py(limitMs, maxY)), fmt(WIDTH - 8), fmt(py(limitMs, maxY))));
    svg.append(text(WIDTH - 10, py(limitMs, maxY) - 4, "gate p95 " + limitMs + " ms", "end"));
    svg.append("<polyline class=\"curve\" fill=\"none\" stroke=\"").append(COLOURS[0])
        .append("\" stroke-width=\"2\" points=\"").append(points.toString().trim()).append("\"/>");
    return svg.append("</svg>").toString();
  }

  /** Verdicts per second of each flow per 5-second window of flow starts, and the stub's lag p99 so far. */
  static String timeline(String simulation, JsonNode flows, JsonNode lagSamples) {
    double maxSecond = 5;
    double maxRate = 1;
    for (JsonNode flow : flows) {
      for (JsonNode window : flow.path("windows")) {
        maxSecond = Math.max(maxSecond, window.path("second").asDouble() + 5);
        maxRate = Math.max(maxRate, window.path("verdicts").asDouble() / 5);
      }
    }
    double maxLag = 1;
    for (JsonNode sample : lagSamples) {
      maxSecond = Math.max(maxSecond, sample.path("second").asDouble());
      maxLag = Math.max(maxLag, sample.path("stubLagP99Ms").asDouble());
    }
    StringBuilder svg = open("verdicts per second and stub lag of " + simulation);
    axisY(svg, maxRate * 1.1, "verdicts/s");
    for (int tick = 0; tick <= 4; tick++) {
      svg.append(text(LEFT + (WIDTH - LEFT - 8) * tick / 4.0, HEIGHT - 10, Math.round(maxSecond * tick / 4) + " s",
          "middle"));
    }
    int colour = 0;
    List<String> legend = new ArrayList<>();
    for (Map.Entry<String, JsonNode> flow : iterable(flows)) {
      StringBuilder points = new StringBuilder();
      for (JsonNode window : flow.getValue().path("windows")) {
        double x = LEFT + (WIDTH - LEFT - 8) * (window.path("second").asDouble() + 2.5) / maxSecond;
        points.append(fmt(x)).append(',').append(fmt(py(window.path("verdicts").asDouble() / 5, maxRate * 1.1)))
            .append(' ');
      }
      svg.append("<polyline class=\"rate\" data-flow=\"").append(flow.getKey()).append("\" fill=\"none\" stroke=\"")
          .append(COLOURS[colour % COLOURS.length]).append("\" stroke-width=\"2\" points=\"")
          .append(points.toString().trim()).append("\"/>");
      legend.add("<tspan fill=\"" + COLOURS[colour % COLOURS.length] + "\">" + flow.getKey() + "</tspan>");
      colour++;
    }
    StringBuilder lag = new StringBuilder();
    for (JsonNode sample : lagSamples) {
      if (sample.path("stubLagP99Ms").asLong(-1) >= 0) {
        double x = LEFT + (WIDTH - LEFT - 8) * sample.path("second").asDouble() / maxSecond;
        lag.append(fmt(x)).append(',').append(fmt(py(sample.path("stubLagP99Ms").asDouble(), maxLag * 1.1)))
            .append(' ');
      }
    }
    if (lag.length() > 0) {
      svg.append("<polyline class=\"lag\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"3 3\" points=\"")
          .append(lag.toString().trim()).append("\"/>");
      legend.add("<tspan fill=\"#888\">stub lag p99 (max " + Math.round(maxLag) + " ms)</tspan>");
    }
    svg.append("<text x=\"").append(LEFT + 6).append("\" y=\"").append(TOP + 2).append("\" font-size=\"11\">")
        .append(String.join(" · ", legend)).append("</text>");
    return svg.append("</svg>").toString();
  }

  /** p50, p95 and p99 of each request name, with the p95 and p99 gates as ticks. */
  static String requestBars(JsonNode requests, long p95LimitMs, long p99LimitMs) {
    if (requests.isEmpty()) {
      return "";
    }
    long max = Math.max(p99LimitMs, 1);
    for (JsonNode request : requests) {
      max = Math.max(max, request.path("p99").asLong());
    }
    int rows = requests.size();
    int rowHeight = 26;
    int height = TOP + rows * rowHeight + BOTTOM;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\""
        + " width=\"%d\" height=\"%d\" role=\"img\"><title>response time per request name</title>", WIDTH + 200, height));
    double scale = (WIDTH - 8.0) / (max * 1.1);
    int row = 0;
    for (Map.Entry<String, JsonNode> request : iterable(requests)) {
      double y = TOP + row * rowHeight;
      svg.append(text(196, y + 14, request.getKey(), "end"));
      String[] percentiles = {"p99", "p95", "p50"};
      String[] shades = {"#c6dbef", "#6baed6", "#2171b5"};
      for (int i = 0; i < percentiles.length; i++) {
        long value = request.getValue().path(percentiles[i]).asLong();
        svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-request=\"%s\" data-percentile=\"%s\""
            + " data-ms=\"%d\" x=\"200\" y=\"%s\" width=\"%s\" height=\"18\" fill=\"%s\"/>", ReportIndex.escape(request.getKey()),
            percentiles[i], value, fmt(y), fmt(Math.max(1, value * scale)), shades[i]));
      }
      row++;
    }
    for (long limit : new long[] {p95LimitMs, p99LimitMs}) {
      double x = 200 + limit * scale;
      svg.append(String.format(Locale.ROOT, "<line class=\"gate\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\""
          + " stroke=\"#b00020\" stroke-dasharray=\"6 4\"/>", fmt(x), TOP - 4, fmt(x), height - BOTTOM + 4));
      svg.append(text(x, height - 8, limit + " ms", "middle"));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\""
        + " width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>", WIDTH, HEIGHT, ReportIndex.escape(title)))
        .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
            + " stroke=\"#ccc\"/>", LEFT, TOP, WIDTH - LEFT - 8, HEIGHT - TOP - BOTTOM));
  }

  private static void axisY(StringBuilder svg, double maxY, String unit) {
    for (int tick = 0; tick <= 4; tick++) {
      double value = maxY * tick / 4;
      svg.append(text(LEFT - 4, py(value, maxY) + 4, Math.round(value) + (tick == 4 ? " " + unit : ""), "end"));
    }
  }

  private static double px(double x, double maxX) {
    return LEFT + (WIDTH - LEFT - 8) * x / maxX;
  }

  private static double py(double value, double maxY) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / maxY;
  }

  private static String text(double x, double y, String text, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
        fmt(x), fmt(y), anchor, ReportIndex.escape(text));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }

}
