package dev.idvharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's -Dgatling.* properties, judged against this project's own sources before Gatling starts. */
class GatlingPropertiesTest {

  private static final Path PROJECT = Path.of("");

  @Test
  void aMisspeltPluginPropertyIsOneLineWithTheNameItMeant() {
    assertThat(GatlingProperties.problems(Map.of("gatling.simulationClas",
        "dev.idvharness.load.IronVestValidateSimulation"), PROJECT))
        .containsExactly("unknown Gatling plugin property -Dgatling.simulationClas, did you mean"
            + " -Dgatling.simulationClass? (the plugin would ignore it)");
  }

  @Test
  void aSimulationClassThatDoesNotExistNamesTheOnesThatDo() {
    assertThat(GatlingProperties.problems(Map.of("gatling.simulationClass",
        "dev.idvharness.load.IronVestValidationSimulation"), PROJECT))
        .containsExactly("no simulation class dev.idvharness.load.IronVestValidationSimulation; the simulations are"
            + " dev.idvharness.load.CyberArkVerificationSimulation, dev.idvharness.load.IronVestValidateSimulation,"
            + " dev.idvharness.load.RolloutSimulation");
  }

  @Test
  void theProjectsSimulationsAndGatlingsOwnNestedSettingsPass() {
    assertThat(GatlingProperties.problems(Map.of("gatling.simulationClass",
        "dev.idvharness.load.RolloutSimulation", "gatling.runMultipleSimulations", "true",
        "gatling.core.encoding", "utf-8", "load.profile", "smoke"), PROJECT)).isEmpty();
  }

  @Test
  void elsewhereThanTheProjectTheClassIsLeftToGatling() {
    assertThat(GatlingProperties.problems(Map.of("gatling.simulationClass", "com.example.TeamSimulation"),
        Path.of("no-such-project"))).isEmpty();
  }
}
