package com.example.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.idvharness.load.CyberArkVerificationChain;
import dev.idvharness.load.FlowRecorder;
import dev.idvharness.load.IronVestValidationChain;
import dev.idvharness.load.LoadSimulation;
import dev.idvharness.load.Requests;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * Customers log in (CyberArk, with a push approved out of band) and then pay (IronVest), using the harness's chains:
 * the same loop rules its conformance suite certifies. LoadSimulation reads the configuration and writes the reports.
 */
public class LoginAndPaySimulation extends LoadSimulation {

  ChainBuilder login = new CyberArkVerificationChain(settings, target, recorder(CyberArkVerificationChain.NAME), runId)
      .verification();
  ChainBuilder pay = new IronVestValidationChain(settings, target, recorder(IronVestValidationChain.NAME), runId)
      .validation();

  ScenarioBuilder customers = scenario("Customers").exec(login).doIf(FlowRecorder::verified).then(pay);

  {
    setUp(customers.injectOpen(settings.injection().steps()).protocols(Requests.protocol()))
        .assertions(
            global().failedRequests().count().is(0L),
            details(CyberArkVerificationChain.GROUP, "Poll").responseTime().percentile(95).lt(1_000))
        .maxDuration(settings.maxDuration());
  }
}
