package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad value of run.sh's environment stops it with one line naming the value, exit 3, before anything is rendered
 * or sent (no cluster and no kubectl needed: the values are checked first).
 */
class RunShSettingsTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "IDV_DEADLINE_SECONDS       | 0      | IDV_DEADLINE_SECONDS must be a whole number > 0, got '0'",
      "IDV_MERGE_DEADLINE_SECONDS | soon   | IDV_MERGE_DEADLINE_SECONDS must be a whole number > 0, got 'soon'",
      "IDV_MERGE_DEADLINE_SECONDS | -5     | IDV_MERGE_DEADLINE_SECONDS must be a whole number > 0, got '-5'",
      "IDV_START_DELAY_SECONDS    | 1m     | IDV_START_DELAY_SECONDS must be a whole number, got '1m'",
      "IDV_TARGET                 | vendor | IDV_TARGET must be sidecar or shared, got 'vendor'"})
  void aBadValueIsOneLineAndNothingRendered(String name, String value, String line, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("rendered");
    RenderedManifests.Ended ended = RenderedManifests.exec(List.of("bash",
        KubernetesManifestsTest.DIR.resolve("run.sh").toString(), "--render", out.toString(), "2"), Map.of(name, value));

    assertThat(ended.exitCode()).as(ended.output()).isEqualTo(3);
    assertThat(ended.output()).isEqualTo("run.sh: " + line + "\n");
    assertThat(Files.exists(out)).as("nothing rendered").isFalse();
  }
}
