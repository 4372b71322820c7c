package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.stub.StubOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every place that starts the stub server starts it with the flags it was measured with (StubOptions). */
class TunedJvmFlagsTest {

  @ParameterizedTest
  @ValueSource(strings = {"deploy/docker/stub.Dockerfile", "deploy/kubernetes/load/generators/generators-job.yaml", "bench/run",
      "docs/stub-server.md"})
  void theStubIsStartedWithTheTunedFlags(String file) throws IOException {
    String text = Files.readString(Path.of(file));

    assertThat(StubOptions.TUNED_JVM_FLAGS).isNotEmpty().allSatisfy(flag -> assertThat(text).contains(flag));
  }
}
