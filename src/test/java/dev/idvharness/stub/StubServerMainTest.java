package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher's flags: defaults, and one clear line for every mistake. */
class StubServerMainTest {

  @Test
  void defaultsServeStubsOnLoopbackPort8089() throws Exception {
    StubOptions options = StubServerMain.parse(new String[0]);

    assertThat(options.port()).isEqualTo(8089);
    assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(options.rootDir()).isEqualTo(Path.of("stubs"));
    assertThat(options.httpsPort()).isNull();
  }

  @Test
  void httpsWithMtlsIsRequested() throws Exception {
    StubOptions options = StubServerMain.parse(new String[] {"--https-port", "0", "--mtls", "--tls-dir", "target/x"});

    assertThat(options.httpsPort()).isZero();
    assertThat(options.mtls()).isTrue();
    assertThat(options.tlsDir()).isEqualTo(Path.of("target/x"));
  }

  @Test
  void aSessionStoreComesFromTheFlagOrTheEnvironmentTheFlagFirst() throws Exception {
    assertThat(StubServerMain.parse(new String[0]).sessionStore()).as("in memory by default").isNull();
    assertThat(StubServerMain.parse(new String[] {"--session-store", "redis://valkey:6379"}).sessionStore())
        .isEqualTo("redis://valkey:6379");
    assertThat(StubServerMain.parse(new String[0], java.util.Map.of("IDV_SESSION_STORE", "redis://cache:6380"))
        .sessionStore()).isEqualTo("redis://cache:6380");
    assertThat(StubServerMain.parse(new String[] {"--session-store", "redis://valkey:6379"},
        java.util.Map.of("IDV_SESSION_STORE", "redis://cache:6380")).sessionStore()).isEqualTo("redis://valkey:6379");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://valkey:6379        | must be redis://host:port or rediss://host:port, not scheme http",
      "redis:///nohost           | not an address without a host",
      "redis://:pw-secret@ho st  | not a malformed URI"})
  void aBadSessionStoreIsOneLineThatNeverShowsItsPassword(String uri, String expected) {
    assertThatThrownBy(() -> StubServerMain.parse(new String[] {"--session-store", uri}))
        .isInstanceOf(StubServerMain.UsageException.class)
        .hasMessageContaining(expected).hasMessageNotContaining("pw-secret").hasMessageNotContaining("\n");
  }

  @Test
  void helpAsksForTheUsageText() throws Exception {
    assertThat(StubServerMain.parse(new String[] {"--help"})).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--bogus                   | unknown flag '--bogus'",
      "--port                    | --port needs a value",
      "--port 70000              | --port must be a whole number from 0 to 65535, not '70000'",
      "--port abc                | --port must be a whole number from 0 to 65535, not 'abc'",
      "--mtls                    | --mtls needs --https-port",
      "--root-dir /nonexistent   | no mappings/ folder there",
      "--profile nope.json       | --profile nope.json: no such file",
      "--async-threads 0         | --async-threads must be a whole number from 1 to 1000",
  })
  void aBadCommandLineIsOneClearLine(String line, String expected) {
    assertThatThrownBy(() -> StubServerMain.parse(line.split(" ")))
        .isInstanceOf(StubServerMain.UsageException.class)
        .hasMessageContaining(expected);
  }

  @org.junit.jupiter.api.Test
  void aBindAddressBeyondTheLoopbackWithoutAnAdminTokenIsRefused() {
    assertThatThrownBy(() -> StubServerMain.parse(new String[] {"--bind-address", "0.0.0.0"}, java.util.Map.of()))
        .hasMessage("--bind-address 0.0.0.0 opens the admin API beyond this machine: protect it with a token"
            + " (environment variable IDV_ADMIN_TOKEN, or --admin-token)");
  }

  @org.junit.jupiter.api.Test
  void theAdminTokenComesFromTheEnvironmentOrTheFlag() throws Exception {
    StubOptions fromEnvironment = StubServerMain.parse(new String[] {"--bind-address", "0.0.0.0"},
        java.util.Map.of("IDV_ADMIN_TOKEN", "from-env"));
    StubOptions fromFlag = StubServerMain.parse(new String[] {"--admin-token", "from-flag"}, java.util.Map.of());

    org.assertj.core.api.Assertions.assertThat(fromEnvironment.adminToken()).isEqualTo("from-env");
    org.assertj.core.api.Assertions.assertThat(fromFlag.adminToken()).isEqualTo("from-flag");
    org.assertj.core.api.Assertions.assertThat(StubServerMain.parse(new String[0]).adminToken()).isNull();
  }
}
