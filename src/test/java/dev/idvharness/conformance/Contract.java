package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import dev.idvharness.client.Redaction;
import java.util.function.Supplier;

/**
 * How a broken rule is reported: the rule (the scenario's case id and title, e.g. "1.4-1 wrong password answers
 * success:false with Result Summary Failure"), what exactly broke, and the exchange that broke it, secrets masked.
 */
public final class Contract {

  private Contract() {}

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
