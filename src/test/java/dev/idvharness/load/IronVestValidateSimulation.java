package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;

/** IronVest payment validations at the configured rate: validate while "processing", until the decision. */
public class IronVestValidateSimulation extends LoadSimulation {

  // Configuration: LoadSimulation reads it (docs/configuration.md lists the keys)

  HttpProtocolBuilder httpProtocol = Requests.protocol();

  ChainBuilder validate = new IronVestValidationChain(settings, target, recorder(IronVestValidationChain.NAME), runId).validation();

  ScenarioBuilder payments = scenario("IronVest payments").exec(validate);

  List<Assertion> assertions = requestAssertions(Map.of(IronVestValidationChain.GROUP, IronVestValidationChain.REQUESTS));

  {
    setUp(payments.injectOpen(settings.injection().steps()).protocols(httpProtocol))
        .assertions(assertions)
        .maxDuration(settings.maxDuration());
  }
}
