package dev.idvharness.load.job;

import dev.idvharness.load.GateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling's own assertion outcomes (the per-request gates), read from the Assertions table of its HTML report:
 * Gatling keeps no other machine-readable record of them. A row reads "IronVestValidation / Validate: 95th
 * percentile of response time is less than or equal to 500.0" with OK or KO; the measured value is only in
 * Gatling's console output and its statistics table.
 */
final class GatlingAssertions {

  private static final Pattern ROW = Pattern.compile(
      "<td class=\"error-col-1[^\"]*\">\\s*(.*?)\\s*<span[^>]*>[^<]*</span>\\s*</td>\\s*"
          + "<td class=\"error-col-2[^\"]*\">\\s*(OK|KO)\\s*</td>", Pattern.DOTALL);
  private static final Pattern SPLIT = Pattern.compile("(.*) is ((?:less|greater|equal|between|in).*)");

  private GatlingAssertions() {}

  static List<GateResult> parse(String html) {
    List<GateResult> gates = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      String description = unescape(row.group(1).strip());
      boolean ok = row.group(2).equals("OK");
      Matcher split = SPLIT.matcher(description);
      String name = split.matches() ? split.group(1) : description;
      String threshold = split.matches() ? split.group(2) : "see the Gatling report";
      gates.add(new GateResult(name, threshold, ok ? "within" : "outside (value in the Gatling report)", ok));
    }
    return gates;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
