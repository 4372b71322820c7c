package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The CI recipes parse as YAML and do what the docs say: the test command, published JUnit XML, no secret inline. */
class WorkflowsTest {

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final Path WORKFLOWS = Path.of(".github", "workflows");

  @Test
  void ciRunsTheReadmesTestCommandPublishesJunitAndKeepsTheReports() throws Exception {
    JsonNode ci = YAML.readTree(WORKFLOWS.resolve("ci.yml").toFile());
    String readme = Files.readString(Path.of("README.md"));

    assertThat(ci.path("jobs").path("verify").path("timeout-minutes").asInt()).isBetween(1, 60);
    assertThat(runs(ci, "verify")).contains("./mvnw -B -ntp verify");
    assertThat(readme).contains("./mvnw verify");
    assertThat(Files.readString(Path.of(".ci", "run"))).contains("./mvnw -B -ntp verify");
    assertThat(runs(ci, "main-job")).contains("./mvnw -B -ntp -Pload verify");
    assertThat(uses(ci, "main-job")).anyMatch(step -> step.startsWith("actions/upload-artifact@"));
    assertThat(reportPaths(ci, "main-job")).contains("reports/gatling/gates.xml", "reports/cucumber/junit.xml");
  }

  @Test
  void theSandboxWorkflowRunsOnScheduleWithSecretsFromTheStoreOnly() throws Exception {
    JsonNode sandbox = YAML.readTree(WORKFLOWS.resolve("sandbox.yml").toFile());

    assertThat(sandbox.path("on").has("schedule")).isTrue();
    assertThat(sandbox.path("on").has("workflow_dispatch")).isTrue();
    assertThat(sandbox.path("env").path("CYBERARK_PASSWORD").asText()).isEqualTo("${{ secrets.CYBERARK_PASSWORD }}");
    assertThat(sandbox.path("env").path("IRONVEST_API_KEY").asText()).isEqualTo("${{ secrets.IRONVEST_API_KEY }}");
    assertThat(runs(sandbox, "smoke-and-drift")).contains(
        "./mvnw -B -ntp test -Dtest=RunCucumberTest -Dcucumber.filter.tags=@smoke", "./mvnw -B -ntp -Pdrift verify");
    assertThat(reportPaths(sandbox, "smoke-and-drift")).contains("reports/drift/TEST-drift.xml");
  }

  @Test
  void everyEnvironmentNameInTheWorkflowsIsAKeyOfTheHarness() throws Exception {
    List<String> unknown = new ArrayList<>();
    for (String file : List.of("ci.yml", "sandbox.yml")) {
      YAML.readTree(WORKFLOWS.resolve(file).toFile()).path("env").propertyNames().forEach(name -> {
        boolean known = dev.idvharness.config.Keys.all().stream().anyMatch(key -> key.environmentName().equals(name));
        if (!known) {
          unknown.add(file + ": " + name);
        }
      });
    }
    assertThat(unknown).isEmpty();
  }

  private static List<String> runs(JsonNode workflow, String job) {
    List<String> runs = new ArrayList<>();
    workflow.path("jobs").path(job).path("steps").forEach(step -> {
      if (step.has("run")) {
        runs.add(step.path("run").asText().trim());
      }
    });
    return runs;
  }

  private static List<String> uses(JsonNode workflow, String job) {
    List<String> uses = new ArrayList<>();
    workflow.path("jobs").path(job).path("steps").forEach(step -> {
      if (step.has("uses")) {
        uses.add(step.path("uses").asText());
      }
    });
    return uses;
  }

  private static List<String> reportPaths(JsonNode workflow, String job) {
    List<String> paths = new ArrayList<>();
    Pattern line = Pattern.compile("(\\S+)");
    workflow.path("jobs").path(job).path("steps").forEach(step -> {
      Matcher matcher = line.matcher(step.path("with").path("report_paths").asText(""));
      while (matcher.find()) {
        paths.add(matcher.group(1));
      }
    });
    return paths;
  }
}
