package dev.idvharness.conformance;

import dev.idvharness.target.ConformanceTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.junit.IdvStubExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The whole suite in remote mode, with a stub server standing in for the sandbox and only IronVest configured: the
 * @contract IronVest scenarios pass, everything else is skipped with its reason (CyberArk left out, stub
 * conventions, mTLS without a client certificate). Reports go under target/, not reports/.
 */
class RemoteTargetRunTest {

  // Each test hands the suite its own target; Hooks closes it at the end of the run.

  /** Stands in for the sandbox. */
  @RegisterExtension
  static IdvStubExtension sandbox = IdvStubExtension.newInstance().noDelays().build();

  /** Scenario (leaf) results by display name, with their tags and the reason of a skip or failure. */
  private final Map<String, Result> results = new ConcurrentHashMap<>();

  private record Result(TestExecutionResult.Status status, List<String> tags, String reason) {}

  @Test
  void onlyContractScenariosOfConfiguredVendorsRunAgainstARemoteTarget() {
    ConformanceTarget.use(ConformanceTarget.open(HarnessConfig.from(Map.of(), Map.of(
        "HARNESS_TARGET", "remote",
        "IRONVEST_BASE_URL", sandbox.baseUrl(),
        "IRONVEST_API_KEY", sandbox.data().requireApiKeyOf("strict-bank"),
        "IRONVEST_CID", "strict-bank",
        "IRONVEST_UID", "remote-user",
        "IRONVEST_CSID", "remote-session-p1-r10"), Map.of())));
    run();

    assertThat(results).isNotEmpty();
    assertThat(results.entrySet())
        .filteredOn(entry -> entry.getValue().status() == TestExecutionResult.Status.FAILED)
        .as("failed scenarios").isEmpty();
    assertThat(results.values())
        .filteredOn(result -> result.tags().contains("cyberark"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("CyberArk left out"));
    assertThat(results.values())
        .filteredOn(result -> result.tags().contains("ironvest")
            && (!result.tags().contains("contract") || result.tags().contains("stub")))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("not @contract"));
    assertThat(results.values())
        .filteredOn(result -> result.tags().containsAll(List.of("ironvest", "contract", "mtls"))
            && !result.tags().contains("stub"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("mTLS left out"));
    assertThat(results.values())
        .filteredOn(result -> result.tags().contains("ironvest") && result.tags().contains("contract")
            && !result.tags().contains("mtls") && !result.tags().contains("stub"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void theCyberArkContractScenariosHoldAgainstAConformingSandbox() {
    // a generated load user stands in for a real account: password, then a push approved after 2 polls
    String user = "load.p2.remote@idv.test";
    ConformanceTarget.use(ConformanceTarget.open(HarnessConfig.from(Map.of(), Map.of(
        "HARNESS_TARGET", "remote",
        "CYBERARK_BASE_URL", sandbox.baseUrl(),
        "CYBERARK_TENANT_ID", "SANDBOX42",
        "CYBERARK_USER", user,
        "CYBERARK_PASSWORD", sandbox.data().passwordOf(user)), Map.of())));
    run();

    assertThat(results.entrySet())
        .filteredOn(entry -> entry.getValue().status() == TestExecutionResult.Status.FAILED)
        .as("failed scenarios").isEmpty();
    assertThat(results.values())
        .filteredOn(result -> result.tags().contains("cyberark") && result.tags().contains("contract")
            && !result.tags().contains("stub"))
        .hasSizeGreaterThan(10)
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertThat(results.values())
        .filteredOn(result -> result.tags().contains("ironvest"))
        .allSatisfy(result -> assertThat(result.reason()).contains("IronVest left out"));
  }

  private void run() {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage("features"))
        .filters(EngineFilter.includeEngines("cucumber"))
        .configurationParameter("cucumber.glue", "dev.idvharness.conformance")
        .configurationParameter("cucumber.plugin", "json:target/remote-target-run/cucumber.json")
        .configurationParameter("cucumber.publish.quiet", "true")
        .build();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
          results.put(test.getUniqueId(), new Result(result.getStatus(),
              test.getTags().stream().map(tag -> tag.getName()).toList(),
              result.getThrowable().map(Throwable::getMessage).orElse("")));
        }
      }
    });
  }
}
