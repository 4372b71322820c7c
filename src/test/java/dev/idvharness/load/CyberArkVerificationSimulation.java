package dev.idvharness.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;

/** CyberArk push verification at the configured rate: StartAuthentication, Answer, StartOOB, Poll until the verdict. */
public class CyberArkVerificationSimulation extends LoadSimulation {

  // Configuration: LoadSimulation reads it (docs/configuration.md lists the keys)

  HttpProtocolBuilder httpProtocol = Requests.protocol();

  ChainBuilder verify = new CyberArkVerificationChain(settings, target, recorder(CyberArkVerificationChain.NAME), runId).verification();

  ScenarioBuilder customers = scenario("CyberArk customers").exec(verify);

  List<Assertion> assertions = requestAssertions(Map.of(CyberArkVerificationChain.GROUP, CyberArkVerificationChain.REQUESTS));

  {
    setUp(customers.injectOpen(settings.injection().steps()).protocols(httpProtocol))
        .assertions(assertions)
        .maxDuration(settings.maxDuration());
  }
}
