package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.Redaction;
import dev.idvharness.drift.DriftRecorder;
import io.cucumber.java.Scenario;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a broken rule is reported: the rule (the scenario's case id and title, e.g. "1.4-1 wrong password answers
 * success:false with Result Summary Failure"), what exactly broke, and the exchange that broke it, secrets masked.
 */
public final class Contract {

  /** Where a rule comes from (docs/vendor-contract.md, section 0), which decides what breaking it means. */
  public enum Source {
    /** The vendor's page says it: broken by a vendor, it fails the run. */
    DOC,
    /** Public clients show it: against a vendor, a difference is drift (reported), never a failure. */
    CLIENT,
    /** Our decision for the stubs: asserted against the stubs only. */
    OURS
  }

  /**
   * The schemas and the source of the rules each one holds. A [client] schema may have a [doc] core, checked as
   * {@code doc/<name>.json}; the [doc] schemas are all [doc].
   */
  private static final Map<String, Source> SCHEMA_SOURCES = Map.of(
      "cyberark_envelope", Source.CLIENT,
      "cyberark_new_package", Source.CLIENT,
      "cyberark_summary", Source.CLIENT,
      "ironvest_decision", Source.DOC,
      "ironvest_processing", Source.DOC,
      "ironvest_application_error", Source.DOC,
      "ironvest_unavailable", Source.DOC,
      "ironvest_error", Source.OURS);

  private Contract() {}

  /**
   * Runs a check of a rule from {@code source}. Against the stubs every check counts. Against a vendor a [doc] check
   * fails the run; a [client] or [ours] one that does not hold is logged in the scenario and noted for the drift
   * report instead (the vendor may differ from its public clients and from our stubs without breaking anything).
   */
  public static void check(Source source, Scenario scenario, boolean remote, Runnable check) {
    if (source == Source.DOC || !remote) {
      check.run();
      return;
    }
    try {
      check.run();
    } catch (AssertionError drift) {
      String broken = brokenLine(drift.getMessage());
      scenario.log("drift, not a failure ([" + source.name().toLowerCase(java.util.Locale.ROOT) + "] rule): "
          + broken);
      DriftRecorder.rule(scenario.getName(), source.name().toLowerCase(java.util.Locale.ROOT), broken);
    }
  }

  /** A schema check: its [doc] core fails the run, the rest counts as its source says. */
  public static void checkSchema(String rule, String schema, Exchange exchange, Scenario scenario, boolean remote) {
    Source source = SCHEMA_SOURCES.getOrDefault(schema, Source.DOC);
    if (source != Source.DOC && Schemas.exists("doc/" + schema)) {
      matchesSchema(rule, "doc/" + schema, exchange);
    }
    check(source, scenario, remote, () -> matchesSchema(rule, schema, exchange));
  }

  /** The "broken: ..." line of a check's message: what broke, without the exchange (no value of the vendor's). */
  static String brokenLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    for (String line : message.split("\\R")) {
      if (line.trim().startsWith("broken: ")) {
        return line.trim().substring("broken: ".length());
      }
    }
    return message.lines().findFirst().orElse("(no message)");
  }

  public static Supplier<String> broken(String rule, String check, Exchange exchange) {
    return () -> Redaction.values("contract " + rule + "\n  broken: " + check + "\n"
        + (exchange == null ? "  (no exchange)" : indent(exchange.describe())) + "\n ");
  }

  /** The answer conforms to {@code schema} (a file under schemas/, without .json). */
  public static void matchesSchema(String rule, String schema, Exchange exchange) {
    assertThat(Schemas.violations(schema, exchange.responseBody()))
        .as(broken(rule, "the answer must match the JSON Schema " + schema + ".json", exchange))
        .isEmpty();
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
