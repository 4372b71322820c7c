package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.junit.IdvStubExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The stub's own container recipe (no Docker engine here), checked after the package phase: every path it copies
 * exists in the source tree or was produced by the build, it runs as a non-root user with the stubs as a volume, its health check answers
 * against a running stub, and the compose example waits on that health check.
 */
class StubContainerIT {

  private static final Path DOCKERFILE = Path.of("deploy", "docker", "stub.Dockerfile");

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @Test
  void everyCopiedPathIsInTheSourceOrMadeByTheBuild() throws Exception {
    List<String> missing = new ArrayList<>();
    Matcher copy = Pattern.compile("(?m)^COPY (--from=build )?(?:--chmod=\\S+ )?(\\S+) ").matcher(
        Files.readString(DOCKERFILE));
    int copies = 0;
    while (copy.find()) {
      copies++;
      String source = copy.group(2);
      Path path = copy.group(1) != null ? Path.of(source.replaceFirst("^/src/", "")) : Path.of(source);
      if (!Files.exists(path)) {
        missing.add(source);
      }
    }
    assertThat(copies).isGreaterThanOrEqualTo(8);
    assertThat(missing).as("paths the stub image copies (target/ is made by the package phase)").isEmpty();
  }

  @Test
  void itRunsAsANonRootUserWithTheStubsAsAVolumeAndATokenForItsAdminApi() throws Exception {
    String recipe = Files.readString(DOCKERFILE);

    assertThat(recipe).contains("USER 10001:10001").contains("VOLUME [\"/stubs\"]").contains("--root-dir\", \"/stubs\"")
        .contains("HEALTHCHECK").contains("IDV_ADMIN_TOKEN").doesNotContain("gatling").doesNotContain("test-classes");
  }

  @Test
  void theHealthCheckAnswersAgainstARunningStub() throws Exception {
    Process health = new ProcessBuilder("bash", "deploy/docker/stub-health", stub.baseUrl() + "/__admin/idv/stats")
        .redirectErrorStream(true).start();

    assertThat(health.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(health.exitValue()).isZero();
  }

  @Test
  void theHealthCheckOfAStubThatGuardsItsAdminApiSendsTheTokenOfItsEnvironment() throws Exception {
    String token = "health-" + java.util.UUID.randomUUID();
    try (dev.idvharness.stub.StubServer guarded = dev.idvharness.stub.StubServer.start(
        dev.idvharness.stub.StubOptions.options().port(0).adminToken(token).build())) {
      String url = guarded.baseUrl() + "/__admin/idv/stats";
      ProcessBuilder withToken = new ProcessBuilder("bash", "deploy/docker/stub-health", url).redirectErrorStream(true);
      withToken.environment().put("IDV_ADMIN_TOKEN", token);
      ProcessBuilder withoutToken = new ProcessBuilder("bash", "deploy/docker/stub-health", url)
          .redirectErrorStream(true);
      withoutToken.environment().remove("IDV_ADMIN_TOKEN");

      assertThat(exitOf(withToken)).isZero();
      assertThat(exitOf(withoutToken)).as("the stub refuses its statistics without the token").isNotZero();
    }
  }

  private static int exitOf(ProcessBuilder command) throws Exception {
    Process process = command.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  @Test
  void theComposeExampleWaitsForTheStubsHealthAndMountsTheStubs() throws Exception {
    JsonNode compose = YAMLMapper.builder().build().readTree(Path.of("deploy", "docker", "docker-compose.yml").toFile());

    JsonNode stubs = compose.path("services").path("idv-stubs");
    assertThat(stubs.path("build").path("dockerfile").asString()).isEqualTo("deploy/docker/stub.Dockerfile");
    assertThat(stubs.path("volumes").get(0).asString()).isEqualTo("../../stubs:/stubs:ro");
    assertThat(compose.path("services").path("my-service").path("depends_on").path("idv-stubs").path("condition")
        .asString()).isEqualTo("service_healthy");
  }
}
