package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Gatling Enterprise package that {@code ./mvnw -Penterprise verify} builds (gatling:enterprisePackage): it lists
 * every simulation of the test sources, carries the harness and its Gatling settings, and leaves Gatling itself to
 * Enterprise. Runs only in that profile, which names the package (docs/distributed-load.md#gatling-enterprise).
 */
@EnabledIfSystemProperty(named = "enterprise.package", matches = ".+")
class EnterprisePackageIT {

  static final Path SIMULATIONS = Path.of("target/test-classes/dev/idvharness/load");

  @Test
  void thePackageListsEverySimulationAndCarriesTheHarnessButNotGatling() throws IOException {
    Path jar = Path.of(System.getProperty("enterprise.package"));
    assertThat(jar).isRegularFile();
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      String listed = manifest.getValue("Gatling-Simulations");
      assertThat(listed).as(jar + " is no Enterprise package (no Gatling-Simulations in its manifest)").isNotNull();
      assertThat(Arrays.stream(listed.split(",")).map(String::strip))
          .containsExactlyInAnyOrderElementsOf(simulations());
      String gatlingVersion = System.getProperty("enterprise.gatlingVersion");
      if (gatlingVersion != null) {
        assertThat(manifest.getValue("Gatling-Version")).isEqualTo(gatlingVersion);
      }
      for (String entry : List.of("dev/idvharness/load/LoadSimulation.class", "dev/idvharness/config/Keys.class",
          "dev/idvharness/load/RolloutSimulation.class", "gatling.conf")) {
        assertThat(file.getEntry(entry)).as(entry).isNotNull();
      }
      assertThat(file.stream().map(JarEntry::getName).filter(name -> name.startsWith("io/gatling/")))
          .as("Gatling is Enterprise's own").isEmpty();
    }
  }

  /** The concrete simulations of the test sources, as Gatling names them. */
  static List<String> simulations() throws IOException {
    try (Stream<Path> classes = Files.list(SIMULATIONS)) {
      List<String> found = classes.map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith("Simulation.class") && !name.contains("$"))
          .map(name -> "dev.idvharness.load." + name.substring(0, name.length() - ".class".length())).sorted().toList();
      assertThat(found).isNotEmpty();
      return found;
    }
  }
}
