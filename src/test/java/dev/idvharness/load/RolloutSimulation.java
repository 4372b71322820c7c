package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bank's rollout: customers log in (CyberArk) and pay (IronVest) in the mix {@code load.ironvestShare} asks for
 * (the share of all flows that are IronVest validations). The rate counts customers, not flows.
 */
public class RolloutSimulation extends LoadSimulation {

  // Configuration: LoadSimulation reads it (docs/configuration.md lists the keys)
  Mix mix = Mix.of(settings.ironVestShare());

  HttpProtocolBuilder httpProtocol = Requests.protocol();

  ChainBuilder login = new CyberArkVerificationChain(settings, target, recorder(CyberArkVerificationChain.NAME), runId).verification();
  ChainBuilder pay = new IronVestValidationChain(settings, target, recorder(IronVestValidationChain.NAME), runId).validation();
  ChainBuilder loginThenPay = exec(login).doIf(FlowRecorder::verified).then(pay);

  ScenarioBuilder customers = scenario("Bank customers").randomSwitch().on(mix.choices(loginThenPay, login, pay));

  List<Assertion> assertions = requestAssertions(Map.of(
      CyberArkVerificationChain.GROUP, CyberArkVerificationChain.REQUESTS, IronVestValidationChain.GROUP, IronVestValidationChain.REQUESTS));

  {
    setUp(customers.injectOpen(settings.injection().steps()).protocols(httpProtocol))
        .assertions(assertions)
        .maxDuration(settings.maxDuration());
  }

  /**
   * Percentages of customers who log in then pay, only log in, or only pay, such that IronVest flows are
   * {@code share} of all flows: up to one half by adding payments to logins, beyond by payments without a login.
   */
  record Mix(double loginThenPay, double loginOnly, double payOnly) {

    static Mix of(double share) {
      if (share <= 0.5) {
        double both = share / (1 - share) * 100;
        return new Mix(both, 100 - both, 0);
      }
      double both = (1 - share) / share * 100;
      return new Mix(both, 0, 100 - both);
    }

    List<Choice.WithWeight> choices(ChainBuilder both, ChainBuilder loginOnlyChain, ChainBuilder payOnlyChain) {
      List<Choice.WithWeight> choices = new ArrayList<>();
      if (loginThenPay > 0) {
        choices.add(percent(loginThenPay).then(both));
      }
      if (loginOnly > 0) {
        choices.add(percent(loginOnly).then(loginOnlyChain));
      }
      if (payOnly > 0) {
        choices.add(percent(payOnly).then(payOnlyChain));
      }
      return choices;
    }
  }
}
