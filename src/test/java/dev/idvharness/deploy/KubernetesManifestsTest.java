package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.Key;
import dev.idvharness.config.Keys;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests of deploy/kubernetes/, with their placeholders replaced as run.sh replaces them, read into the fabric8
 * model: what the distributed run relies on (docs/distributed-load.md). fabric8 8 is built on Jackson 3, hence the
 * Jackson 3 YAML reader.
 */
class KubernetesManifestsTest {

  static final Path DIR = Path.of("deploy/kubernetes");
  static final Map<String, String> SAMPLE = Map.of("RUN_ID", "20261127-120000-ab12", "START_AT", "2026-11-27T12:01:00Z",
      "INJECTORS", "4", "IMAGE", "registry.example/idv-harness:0.1.0", "DEADLINE_SECONDS", "1800");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
  static final String STATS = "/__admin/idv/stats";
  /** The environment prefixes the harness reads as its own (HarnessConfig): a name under them must be a key. */
  static final List<String> HARNESS_PREFIXES =
      List.of("HARNESS_", "CYBERARK_", "IRONVEST_", "POLL_", "VALIDATE_", "LOAD_", "SLA_", "REPORTS_", "DRIFT_");
  static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void everyManifestIsKubernetesModelWithNoUnknownField() throws IOException {
    for (Path file : files("*.yaml")) {
      Class<?> type = switch (yaml(file).path("kind").asString()) {
        case "Job" -> Job.class;
        case "Pod" -> Pod.class;
        case "ConfigMap" -> ConfigMap.class;
        case "PersistentVolumeClaim" -> PersistentVolumeClaim.class;
        default -> throw new AssertionError(file + ": a kind this test does not know");
      };
      List<String> unknown = new ArrayList<>();
      unknownFields(load(file, type), file.getFileName().toString(), unknown);
      assertThat(unknown).as("fields the model does not know (misspelt?)").isEmpty();
    }
  }

  @Test
  void everyPlaceholderIsOneRunShReplaces() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path file : files("*.yaml")) {
      PLACEHOLDER.matcher(Files.readString(file)).results().forEach(match -> used.add(match.group(1)));
    }
    Set<String> replaced = new TreeSet<>();
    Matcher sed = Pattern.compile("s\\|\\\\\\$\\{([A-Z_]+)}\\|").matcher(Files.readString(DIR.resolve("run.sh")));
    while (sed.find()) {
      replaced.add(sed.group(1));
    }
    assertThat(replaced).isEqualTo(used).isEqualTo(new TreeSet<>(SAMPLE.keySet()));
  }

  @Test
  void generatorsAreOneIndexedJobOfNThatStopsByItself() throws IOException {
    for (Job job : generatorJobs()) {
      assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
      assertThat(job.getSpec().getCompletions()).isEqualTo(4).isEqualTo(job.getSpec().getParallelism());
      assertThat(job.getSpec().getBackoffLimit()).as("a retried generator would start after the others").isZero();
      assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
      assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

      Container generator = container(job, "generator");
      assertThat(env(generator, "LOAD_INJECTORS")).isEqualTo("4");
      assertThat(env(generator, "LOAD_RUN_ID")).isEqualTo(SAMPLE.get("RUN_ID"));
      assertThat(Instant.parse(env(generator, "LOAD_START_AT"))).isEqualTo(SAMPLE.get("START_AT"));
      assertThat(env(generator, "LOAD_RESULTS_DIR")).isEqualTo("/results");
      assertThat(mountPath(generator, "results")).isEqualTo("/results");
      assertThat(generator.getCommand()).as("the image's Generator command").isEmpty();
      for (Container any : containers(job.getSpec().getTemplate().getSpec())) {
        assertThat(any.getEnv()).extracting(EnvVar::getName).as("the index is Kubernetes' (JOB_COMPLETION_INDEX)")
            .doesNotContain("JOB_COMPLETION_INDEX", "LOAD_INJECTOR_INDEX");
      }
    }
    assertThat(configMap("load-settings.yaml").getData())
        .doesNotContainKeys("JOB_COMPLETION_INDEX", "LOAD_INJECTOR_INDEX", "LOAD_INJECTORS", "LOAD_RUN_ID");
  }

  @Test
  void eachGeneratorHasItsStubAsANativeSidecarOnTheLoopback() throws IOException {
    Job job = load(DIR.resolve("generators-job.yaml"), Job.class);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("generator");
    Container stub = pod.getInitContainers().stream().filter(c -> c.getName().equals("stub")).findFirst().orElseThrow();

    assertThat(stub.getRestartPolicy()).as("native sidecar").isEqualTo("Always");
    assertThat(stub.getCommand()).contains("/app/idv-stubs.jar")
        .containsSubsequence("--port", "8089").containsSubsequence("--bind-address", "127.0.0.1")
        .containsSubsequence("--root-dir", "/app/stubs").containsSubsequence("--max-lifetime-seconds", "1800");
    for (Probe probe : List.of(stub.getStartupProbe(), stub.getReadinessProbe())) {
      assertThat(String.join(" ", probe.getExec().getCommand())).contains("http://127.0.0.1:8089" + STATS);
    }
    Container generator = container(job, "generator");
    assertThat(env(generator, "CYBERARK_BASE_URL")).isEqualTo("http://127.0.0.1:8089");
    assertThat(env(generator, "IRONVEST_BASE_URL")).isEqualTo("http://127.0.0.1:8089");
  }

  @Test
  void theSharedTargetVariantHasNoStubAndTakesItsSecretsFromASecret() throws IOException {
    Job job = load(DIR.resolve("generators-job-shared-target.yaml"), Job.class);
    assertThat(job.getSpec().getTemplate().getSpec().getInitContainers()).isEmpty();
    Container generator = container(job, "generator");

    assertThat(env(generator, "HARNESS_TARGET")).isEqualTo("remote");
    assertThat(env(generator, "LOAD_ALLOW_REMOTE")).isEqualTo("true");
    for (String secret : List.of("CYBERARK_PASSWORD", "IRONVEST_API_KEY")) {
      EnvVar variable = generator.getEnv().stream().filter(e -> e.getName().equals(secret)).findFirst().orElseThrow();
      assertThat(variable.getValue()).isNull();
      assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("idv-vendor-secrets");
      assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(secret);
    }
    ConfigMap target = configMap("shared-target.yaml");
    assertThat(generator.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
        .containsExactly("idv-load-settings", target.getMetadata().getName());
    assertThat(target.getData()).containsKeys("CYBERARK_BASE_URL", "IRONVEST_BASE_URL")
        .doesNotContainKeys("CYBERARK_PASSWORD", "IRONVEST_API_KEY");
  }

  @Test
  void generatorsAndMergeShareTheResultsClaim() throws IOException {
    PersistentVolumeClaim claim = load(DIR.resolve("pvc.yaml"), PersistentVolumeClaim.class);
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    List<PodSpec> pods = new ArrayList<>();
    generatorJobs().forEach(job -> pods.add(job.getSpec().getTemplate().getSpec()));
    pods.add(mergeJob().getSpec().getTemplate().getSpec());
    pods.add(load(DIR.resolve("fetch-pod.yaml"), Pod.class).getSpec());

    for (PodSpec pod : pods) {
      Volume results = pod.getVolumes().stream().filter(v -> v.getName().equals("results")).findFirst().orElseThrow();
      assertThat(results.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim.getMetadata().getName());
      assertThat(mountPath(pod.getContainers().get(0), "results")).isEqualTo("/results");
    }
  }

  @Test
  void theMergeJudgesTheRunOnceAndWritesItsReportsBesideTheRecords() throws IOException {
    Job merge = mergeJob();
    Container container = container(merge, "merge");
    String runDir = "/results/" + SAMPLE.get("RUN_ID");

    assertThat(container.getCommand()).containsSubsequence("dev.idvharness.load.job.LoadMerge", runDir);
    assertThat(container.getCommand()).containsSubsequence("-cp", "/app/test-classes:/app/classes:/app/lib/*");
    assertThat(env(container, "REPORTS_DIR")).isEqualTo(runDir + "/reports");
    assertThat(container.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
        .as("the gates' thresholds are the run's settings").containsExactly("idv-load-settings");
    assertThat(merge.getSpec().getBackoffLimit()).as("its exit code is the verdict").isZero();
    assertThat(merge.getSpec().getActiveDeadlineSeconds()).isPositive();
  }

  @Test
  void everyPodRunsAsNonRootWithoutServiceLinks() throws IOException {
    List<PodSpec> pods = new ArrayList<>();
    generatorJobs().forEach(job -> pods.add(job.getSpec().getTemplate().getSpec()));
    pods.add(mergeJob().getSpec().getTemplate().getSpec());
    pods.add(load(DIR.resolve("fetch-pod.yaml"), Pod.class).getSpec());

    for (PodSpec pod : pods) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(DockerfileTest.imageUser());
      assertThat(pod.getEnableServiceLinks()).as("<SERVICE>_PORT variables could look like harness keys").isFalse();
      for (Container container : containers(pod)) {
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getImage()).isEqualTo(SAMPLE.get("IMAGE"));
      }
    }
  }

  @Test
  void everyHarnessVariableIsAKey() throws IOException {
    Set<String> keys = new TreeSet<>(Keys.all().stream().map(Key::environmentName).toList());
    Set<String> named = new TreeSet<>();
    for (Path file : files("*.yaml")) {
      if (yaml(file).path("kind").asString().equals("Job")) {
        for (Container container : containers(load(file, Job.class).getSpec().getTemplate().getSpec())) {
          container.getEnv().forEach(variable -> named.add(variable.getName()));
        }
      }
    }
    named.addAll(configMap("load-settings.yaml").getData().keySet());
    named.addAll(configMap("shared-target.yaml").getData().keySet());
    // the commented examples of load-settings.yaml too: uncommented, they must work
    Pattern.compile("(?m)^\\s*#\\s*([A-Z][A-Z0-9_]+):").matcher(Files.readString(DIR.resolve("load-settings.yaml")))
        .results().forEach(match -> named.add(match.group(1)));

    named.removeIf(name -> HARNESS_PREFIXES.stream().noneMatch(name::startsWith));
    assertThat(keys).as("an unknown LOAD_/SLA_/... variable stops the pod at start").containsAll(named);
  }

  static List<Job> generatorJobs() throws IOException {
    return List.of(load(DIR.resolve("generators-job.yaml"), Job.class),
        load(DIR.resolve("generators-job-shared-target.yaml"), Job.class));
  }

  static Job mergeJob() throws IOException {
    return load(DIR.resolve("merge-job.yaml"), Job.class);
  }

  static ConfigMap configMap(String file) throws IOException {
    return load(DIR.resolve(file), ConfigMap.class);
  }

  /** The file as run.sh applies it: every placeholder replaced (an unknown one fails here). */
  static String render(Path file) throws IOException {
    return PLACEHOLDER.matcher(Files.readString(file)).replaceAll(match -> {
      String value = SAMPLE.get(match.group(1));
      assertThat(value).as(file + ": placeholder ${" + match.group(1) + "} is not one run.sh replaces").isNotNull();
      return Matcher.quoteReplacement(value);
    });
  }

  static JsonNode yaml(Path file) throws IOException {
    List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(render(file)).readAll();
    assertThat(documents).as(file + ": one manifest per file").hasSize(1);
    return documents.get(0);
  }

  static <T> T load(Path file, Class<T> type) throws IOException {
    return YAML.treeToValue(yaml(file), type);
  }

  static List<Path> files(String glob) throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> found = files.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
          .sorted().toList();
      assertThat(found).isNotEmpty();
      return found;
    }
  }

  static List<Container> containers(PodSpec pod) {
    List<Container> all = new ArrayList<>(pod.getInitContainers());
    all.addAll(pod.getContainers());
    return all;
  }

  static Container container(Job job, String name) {
    return job.getSpec().getTemplate().getSpec().getContainers().stream().filter(c -> c.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no container " + name + " in " + job.getMetadata()
            .getName()));
  }

  static String env(Container container, String name) {
    return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).map(EnvVar::getValue)
        .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
  }

  static String mountPath(Container container, String volume) {
    return container.getVolumeMounts().stream().filter(mount -> mount.getName().equals(volume)).findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " does not mount " + volume)).getMountPath();
  }

  /** Every field the YAML gave that the model has no property for lands in additionalProperties: a typo. */
  static void unknownFields(Object node, String path, List<String> unknown) {
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
      return;
    }
    if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      String name = getter.getName();
      if (getter.getParameterCount() != 0 || !name.startsWith("get") || name.equals("getClass")) {
        continue;
      }
      try {
        Object value = getter.invoke(node);
        if (name.equals("getAdditionalProperties")) {
          ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
        } else {
          unknownFields(value, path + "." + name.substring(3), unknown);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(path + "." + name, e);
      }
    }
  }
}
