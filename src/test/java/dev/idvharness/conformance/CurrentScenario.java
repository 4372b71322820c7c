package dev.idvharness.conformance;

import dev.idvharness.client.Exchange;
import dev.idvharness.conformance.Contract.Source;
import dev.idvharness.run.Target;
import io.cucumber.java.Scenario;

/**
 * The scenario running now, shared by its step classes and hooks (Cucumber's PicoContainer gives each of them the
 * same instance, new for every scenario): its rule, its attachments, its skips and its checks.
 */
public class CurrentScenario {

  private final Target target;
  private Scenario scenario;

  public CurrentScenario(Target target) {
    this.target = target;
  }

  void begin(Scenario current) {
    scenario = current;
  }

  Scenario scenario() {
    return scenario;
  }

  /** The rule a check belongs to: the scenario title, which starts with its contract case id. */
  public String rule() {
    return scenario.getName();
  }

  public boolean hasTag(String tag) {
    return scenario.getSourceTagNames().contains(tag);
  }

  /** An exchange in the scenario's report, secrets masked by the exchange's own description. */
  public void attach(Exchange exchange, String title) {
    scenario.attach(exchange.describe(), "text/plain", title);
  }

  /** Skips the scenario with its reason: in its log, and as the reason the run's summary counts. */
  public void skip(String reason) {
    Hooks.skip(scenario, reason);
  }

  /** A check of a rule from {@code source}, counted as {@link Contract#check} says for this target. */
  public void check(Source source, Runnable check) {
    Contract.check(source, scenario, target.isRemote(), check);
  }

  public void checkSchema(String schema, Exchange exchange) {
    Contract.checkSchema(rule(), schema, exchange, scenario, target.isRemote());
  }
}
