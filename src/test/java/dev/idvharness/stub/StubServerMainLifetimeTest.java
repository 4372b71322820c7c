package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --max-lifetime-seconds: taken out of the flags before the others are parsed, checked like them. */
class StubServerMainLifetimeTest {

  @Test
  void theLifetimeFlagIsTakenOutAndTheOtherFlagsStay() throws Exception {
    List<String> flags = new ArrayList<>(List.of("--port", "0", "--max-lifetime-seconds", "90", "--root-dir", "stubs"));

    assertThat(StubServerMain.takeMaxLifetime(flags)).isEqualTo(90);
    assertThat(flags).containsExactly("--port", "0", "--root-dir", "stubs");
    assertThat(StubServerMain.takeMaxLifetime(flags)).isNull();
  }

  @Test
  void aBadLifetimeIsOneUsageLine() {
    assertThatThrownBy(() -> StubServerMain.takeMaxLifetime(new ArrayList<>(List.of("--max-lifetime-seconds", "0"))))
        .hasMessage("--max-lifetime-seconds must be a whole number from 1 to 604800, not '0'");
    assertThatThrownBy(() -> StubServerMain.takeMaxLifetime(new ArrayList<>(List.of("--max-lifetime-seconds"))))
        .hasMessage("--max-lifetime-seconds needs a value (see --help)");
  }
}
