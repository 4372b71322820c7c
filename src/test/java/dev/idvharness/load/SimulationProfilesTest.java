package dev.idvharness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every simulation in every injection profile, a few seconds at a low rate against a stub: each flow started reaches
 * its verdict. Gates are left alone (they measure this machine); the run's shape is what a refactoring must keep. A
 * stress run whose admission step failed every session (the first request then counted as a failed check) is the
 * regression this guards.
 */
class SimulationProfilesTest {

  @RegisterExtension
  IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @TempDir
  Path dir;

  static Stream<Arguments> simulationsAndProfiles() {
    return Stream.of(CyberArkVerificationSimulation.class, IronVestValidateSimulation.class, RolloutSimulation.class)
        .flatMap(simulation -> Stream.of("smoke", "load", "stress", "soak")
            .map(profile -> Arguments.of(simulation.getSimpleName(), profile, simulation)));
  }

  @ParameterizedTest(name = "{0} in the {1} profile")
  @MethodSource("simulationsAndProfiles")
  void everyFlowStartedReachesItsVerdict(String name, String profile, Class<? extends LoadSimulation> simulation)
      throws Exception {
    Map<String, String> properties = GatlingRun.shortRun(stub.baseUrl(), dir);
    properties.putAll(profile(profile));

    GatlingRun run = GatlingRun.of(simulation, properties, dir);

    JsonNode flows = run.results().path("flows");
    assertThat(flows.size()).as("flows of %s", name).isPositive();
    for (JsonNode flow : flows) {
      assertThat(flow.path("started").asLong()).as("flows started").isGreaterThanOrEqualTo(3);
      assertThat(flow.path("failures")).as("failures by name").isEmpty();
      assertThat(flow.path("failed").asLong()).as("failed flows: %s", flow.path("failures")).isZero();
      assertThat(flow.path("count").asLong()).as("verdicts").isEqualTo(flow.path("started").asLong());
    }
    assertThat(run.results().path("profile").asText()).isEqualTo(profile);
  }

  /** About 3 s of injection at 2 to 4 new flows per second in each profile's own shape. */
  private static Map<String, String> profile(String profile) {
    return switch (profile) {
      case "smoke" -> Map.of("load.profile", "smoke", "load.smokeSeconds", "3", "load.smokeUsersPerSec", "4");
      case "load" -> Map.of("load.profile", "load", "load.rampSeconds", "1", "load.usersPerSec", "4",
          "load.durationSeconds", "2");
      case "stress" -> Map.of("load.profile", "stress", "load.stressStartUsersPerSec", "2",
          "load.stressEndUsersPerSec", "4", "load.stressSeconds", "3");
      case "soak" -> Map.of("load.profile", "soak", "load.rampSeconds", "1", "load.soakUsersPerSec", "4",
          "load.soakMinutes", "0.04");
      default -> throw new IllegalArgumentException(profile);
    };
  }
}
