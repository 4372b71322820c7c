package dev.idvharness.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

  @Test
  void docsConfigurationIsWhatTheKeysSay() throws Exception {
    assertThat(Files.readString(ConfigurationReference.DOCUMENT))
        .as("docs/configuration.md is generated from Keys: regenerate it with ./mvnw -q compile exec:java"
            + " -Dexec.mainClass=dev.idvharness.config.ConfigurationReference")
        .isEqualTo(ConfigurationReference.render());
  }

  @Test
  void everyKeyHasItsRowWithItsEnvironmentName() {
    String document = ConfigurationReference.render();

    for (Key key : Keys.all()) {
      assertThat(document).as(key.name()).contains("| `" + key.name() + "` | `" + key.environmentName() + "` |");
    }
  }
}
