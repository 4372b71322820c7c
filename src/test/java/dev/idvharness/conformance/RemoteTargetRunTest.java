package dev.idvharness.conformance;

import dev.idvharness.run.Target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.HarnessConfig;
import dev.idvharness.junit.IdvStubExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

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

  private List<SuiteRun.Result> results;

  @Test
  void onlyContractScenariosOfConfiguredVendorsRunAgainstARemoteTarget() throws Exception {
    results = SuiteRun.of(Target.forConformance(HarnessConfig.from(Map.of(), Map.of(
        "HARNESS_TARGET", "remote",
        "IRONVEST_BASE_URL", sandbox.baseUrl(),
        "IRONVEST_API_KEY", sandbox.data().requireApiKeyOf("strict-bank"),
        "IRONVEST_CID", "strict-bank",
        "IRONVEST_UID", "remote-user",
        "IRONVEST_CSID", "remote-session-p1-r10"), Map.of())), null, "remote-target-run");

    assertThat(results).isNotEmpty();
    assertThat(results).filteredOn(SuiteRun.Result::failed).as("failed scenarios").isEmpty();
    long ran = results.stream().filter(result -> result.status() == TestExecutionResult.Status.SUCCESSFUL).count();
    assertThat(java.nio.file.Files.readString(SuiteRun.summaryOf("remote-target-run")))
        .as("the run says what it ran and why the rest did not run")
        .contains("conformance: " + ran + " scenario(s) ran: " + ran + " passed, 0 failed")
        .contains(": CyberArk left out of this remote run: CYBERARK_BASE_URL is not set")
        .contains(": not @contract: stub conventions are never run against the remote target")
        .contains(": mTLS left out");
    assertThat(results)
        .filteredOn(result -> result.tags().contains("cyberark"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("CyberArk left out"));
    assertThat(results)
        .filteredOn(result -> result.tags().contains("ironvest")
            && (!result.tags().contains("contract") || result.tags().contains("stub")))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("not @contract"));
    assertThat(results)
        .filteredOn(result -> result.tags().containsAll(List.of("ironvest", "contract", "mtls"))
            && !result.tags().contains("stub"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.reason()).contains("mTLS left out"));
    assertThat(results)
        .filteredOn(result -> result.tags().contains("ironvest") && result.tags().contains("contract")
            && !result.tags().contains("mtls") && !result.tags().contains("stub"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void theCyberArkContractScenariosHoldAgainstAConformingSandbox() {
    // a generated load user stands in for a real account: password, then a push approved after 2 polls
    String user = "load.p2.remote@idv.test";
    results = SuiteRun.of(Target.forConformance(HarnessConfig.from(Map.of(), Map.of(
        "HARNESS_TARGET", "remote",
        "CYBERARK_BASE_URL", sandbox.baseUrl(),
        "CYBERARK_TENANT_ID", "SANDBOX42",
        "CYBERARK_USER", user,
        "CYBERARK_PASSWORD", sandbox.data().passwordOf(user)), Map.of())), null, "remote-target-run");

    assertThat(results).filteredOn(SuiteRun.Result::failed).as("failed scenarios").isEmpty();
    assertThat(results)
        .filteredOn(result -> result.tags().contains("cyberark") && result.tags().contains("contract")
            && !result.tags().contains("stub"))
        .hasSizeGreaterThan(10)
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertThat(results)
        .filteredOn(result -> result.tags().contains("ironvest"))
        .allSatisfy(result -> assertThat(result.reason()).contains("IronVest left out"));
  }
}
