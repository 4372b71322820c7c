package dev.idvharness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A port someone else holds: one true line naming it and the way out, exit code 2, no stack trace. */
class StubServerMainPortInUseTest {

  @Test
  void aPortInUseIsOneLineNamingThePortAndSuggestingAFreeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          classPath(), StubServerMain.class.getName(), "--port", String.valueOf(port), "--root-dir", "stubs")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(stub.waitFor(60, TimeUnit.SECONDS)).as("the stub gives up by itself").isTrue();
      List<String> stderr = new String(stub.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("SLF4J")).toList();

      assertThat(stub.exitValue()).isEqualTo(2);
      assertThat(stderr).singleElement().asString().isEqualTo("idv-stubs: port " + port
          + " is in use on 127.0.0.1: choose another with --port N, or --port 0 for a free one");
    }
  }

  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }
}
