package dev.idvharness.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.idvharness.run.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Test helper: the conformance suite run against a chosen target (Hooks closes it at the end of the run), its
 * scenarios filtered by a tag expression, its Cucumber report under target/. Returns every scenario's result.
 */
final class SuiteRun {

  /** One scenario: how it ended, its tags, and the reason of a skip or a failure. */
  record Result(String name, TestExecutionResult.Status status, List<String> tags, String reason) {

    boolean failed() {
      return status == TestExecutionResult.Status.FAILED;
    }
  }

  private SuiteRun() {}

  /** Where the run's one-screen summary (ConformanceSummary) is written. */
  static java.nio.file.Path summaryOf(String reportName) {
    return java.nio.file.Path.of("target", "suite-runs", reportName, "summary.txt");
  }

  static List<Result> of(Target target, String tags, String reportName) {
    SuiteTarget.use(target);
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage("features"))
        .filters(EngineFilter.includeEngines("cucumber"))
        .configurationParameter("cucumber.glue", "dev.idvharness.conformance")
        .configurationParameter("cucumber.plugin", "json:target/suite-runs/" + reportName + "/cucumber.json,"
            + ConformanceSummary.class.getName() + ":" + summaryOf(reportName))
        .configurationParameter("cucumber.publish.quiet", "true");
    if (tags != null) {
      builder.configurationParameter("cucumber.filter.tags", tags);
    }
    LauncherDiscoveryRequest request = builder.build();
    Map<String, Result> results = new ConcurrentHashMap<>();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
          results.put(test.getUniqueId(), new Result(test.getDisplayName(), result.getStatus(),
              test.getTags().stream().map(tag -> tag.getName()).toList(),
              result.getThrowable().map(Throwable::getMessage).orElse("")));
        }
      }
    });
    return List.copyOf(results.values());
  }
}
