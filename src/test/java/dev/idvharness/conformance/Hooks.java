package dev.idvharness.conformance;

import dev.idvharness.stub.openapi.StubAnswers;
import dev.idvharness.run.Target;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import dev.idvharness.config.Keys;
import dev.idvharness.drift.DriftRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Opens the target once per run (a bad configuration stops the run here, before any traffic) and skips, with the
 * reason in the report, what this target cannot run: stub conventions against a remote target, a vendor left out,
 * mTLS without a client certificate. Against the local stubs, every answer is also checked against the OpenAPI
 * description of the stubs (docs/openapi/idv-stubs.json): a scenario that received one outside it fails. The run's
 * hooks are static (Cucumber's rule for BeforeAll); a scenario's get the target and the scenario by constructor.
 */
public class Hooks {

  @BeforeAll
  public static void openTarget() {
    Target target = SuiteTarget.current();
    System.out.println("conformance target: " + target.describe());
    if (!target.isRemote()) {
      StubAnswers.install();
    }
    List<String> vendors = new ArrayList<>();
    target.cyberArkLeftOut().ifPresentOrElse(reason -> { }, () -> vendors.add("cyberark"));
    target.ironVestLeftOut().ifPresentOrElse(reason -> { }, () -> vendors.add("ironvest"));
    DriftRecorder.start(target.config().find(Keys.DRIFT_RECORD).map(Path::of).orElse(null),
        Map.of("target", target.describe()), vendors);
  }

  @AfterAll
  public static void closeTarget() {
    DriftRecorder.finish();
    SuiteTarget.closeCurrent();
  }

  private final Target target;
  private final CurrentScenario current;

  public Hooks(Target target, CurrentScenario current) {
    this.target = target;
    this.current = current;
  }

  @Before(order = 0)
  public void skipWhatThisTargetCannotRun(Scenario scenario) {
    current.begin(scenario);
    if (current.hasTag("@cyberark") && target.cyberArkLeftOut().isPresent()) {
      current.skip(target.cyberArkLeftOut().get());
    }
    if (current.hasTag("@ironvest") && target.ironVestLeftOut().isPresent()) {
      current.skip(target.ironVestLeftOut().get());
    }
    if (target.isRemote() && (!current.hasTag("@contract") || current.hasTag("@stub"))) {
      current.skip("not @contract: stub conventions are never run against the remote target");
    }
    if (current.hasTag("@mtls") && !target.hasMtls()) {
      current.skip("mTLS left out: IRONVEST_CLIENT_CERT and IRONVEST_CLIENT_KEY are not set");
    }
  }

  /** Only the answers of @contract scenarios are compared with a vendor's: the rest is stub conventions. */
  @Before(order = 1)
  public void recordAnswersOf(Scenario scenario) {
    DriftRecorder.scenario(scenario.getName(), current.hasTag("@contract") && !current.hasTag("@stub"));
  }

  @After
  public void answersWithinTheStubsDescription() {
    StubAnswers.assertNoneBroken();
  }

  /** Skips the scenario with its reason: in its log, and as the reason the run's summary counts. */
  static void skip(Scenario scenario, String reason) {
    scenario.log("skipped: " + reason);
    throw new TestAbortedException(reason);
  }
}
