package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.Key;
import dev.idvharness.config.Keys;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The load manifests of deploy/kubernetes/load/ rendered the way a run renders them ({@code run.sh --render}, which
 * writes the run's values into a copy and calls kubectl's Kustomize), read into the fabric8 model: what the
 * distributed run relies on (docs/distributed-load.md), and every value of the run in every place that needs it.
 */
class KubernetesManifestsTest {

  static final Path DIR = Path.of("deploy", "kubernetes");
  static final Path LOAD = DIR.resolve("load");
  static final String STATS = "/__admin/idv/stats";
  static final String IMAGE = "registry.example/idv-harness:0.1.0";
  /** Not run.sh's default (1800), nor the committed run.yaml's: a value that reaches a field came from the run. */
  static final String DEADLINE = "2400";
  /** Likewise for the merge Job (run.sh's default and run.yaml's: 900). */
  static final String MERGE_DEADLINE = "1234";
  /** The words the committed manifests hold where a run's value goes: none may be left once a run rendered them. */
  static final List<String> SLOTS = List.of("RUN_ID", "START_AT", "IMAGE", "example-run");
  /** The environment prefixes the harness reads as its own (HarnessConfig): a name under them must be a key. */
  static final List<String> HARNESS_PREFIXES =
      List.of("HARNESS_", "CYBERARK_", "IRONVEST_", "POLL_", "VALIDATE_", "LOAD_", "SLA_", "REPORTS_", "DRIFT_");
  static final Pattern RUN_LINE = Pattern.compile("run (\\S+): 4 generator\\(s\\) \\((\\w+) target\\), injecting from "
      + "(\\S+), image (\\S+): rendered into");

  /** Per target (sidecar, shared): the run's id, its start, and the three pieces run.sh applies. */
  record RenderedRun(String id, Instant startAt, List<HasMetadata> generators, List<HasMetadata> merge,
                     List<HasMetadata> fetch, String yaml) {

    Job generatorJob() {
      return RenderedManifests.one(generators, Job.class, "idv-load-");
    }

    Job mergeJob() {
      return RenderedManifests.one(merge, Job.class, "idv-merge-");
    }

    Pod fetchPod() {
      return RenderedManifests.one(fetch, Pod.class, "idv-fetch-");
    }

    List<PodSpec> pods() {
      return List.of(generatorJob().getSpec().getTemplate().getSpec(), mergeJob().getSpec().getTemplate().getSpec(),
          fetchPod().getSpec());
    }
  }

  static RenderedRun sidecar;
  static RenderedRun shared;

  @BeforeAll
  static void renderTwoRunsAsRunShDoes(@TempDir Path dir) throws Exception {
    RenderedManifests.assumeKubectl();
    sidecar = render(dir.resolve("sidecar"), "sidecar");
    shared = render(dir.resolve("shared"), "shared");
  }

  static RenderedRun render(Path dir, String target) throws Exception {
    String output = RenderedManifests.run(List.of("bash", DIR.resolve("run.sh").toString(), "--render",
        dir.toString(), "4"), Map.of("IDV_IMAGE", IMAGE, "IDV_TARGET", target, "IDV_DEADLINE_SECONDS", DEADLINE,
        "IDV_MERGE_DEADLINE_SECONDS", MERGE_DEADLINE, "IDV_START_DELAY_SECONDS", "60"));
    Matcher line = RUN_LINE.matcher(output);
    assertThat(line.find()).as(output).isTrue();
    assertThat(line.group(2)).isEqualTo(target);
    assertThat(line.group(4)).isEqualTo(IMAGE);
    String generators = Files.readString(dir.resolve("generators.yaml"));
    String merge = Files.readString(dir.resolve("merge.yaml"));
    String fetch = Files.readString(dir.resolve("fetch.yaml"));
    return new RenderedRun(line.group(1), Instant.parse(line.group(3)), RenderedManifests.parse(generators),
        RenderedManifests.parse(merge), RenderedManifests.parse(fetch), generators + merge + fetch);
  }

  @Test
  void everyPieceRendersAsCommittedIntoTheModel() throws Exception {
    for (String piece : List.of("volume", "generators", "generators-shared-target", "merge", "fetch")) {
      assertThat(RenderedManifests.kustomize(LOAD.resolve(piece))).as(piece).isNotEmpty();
    }
  }

  @Test
  void theRunsValuesReplaceEverySlot() {
    for (RenderedRun run : List.of(sidecar, shared)) {
      List<String> values = new ArrayList<>();
      strings(RenderedManifests.YAML.readerFor(JsonNode.class).<JsonNode>readValues(run.yaml()).readAll(), values);
      for (String slot : SLOTS) {
        // a whole word: LOAD_RUN_ID is a name, idv-load-RUN_ID a slot left
        Pattern left = Pattern.compile("(?<![A-Za-z_])" + slot + "(?![A-Za-z_])");
        assertThat(values).as("a value still the committed slot " + slot).noneMatch(v -> left.matcher(v).find());
      }
      assertThat(run.generatorJob().getMetadata().getName()).isEqualTo("idv-load-" + run.id());
      assertThat(run.mergeJob().getMetadata().getName()).isEqualTo("idv-merge-" + run.id());
      assertThat(run.fetchPod().getMetadata().getName()).isEqualTo("idv-fetch-" + run.id());
      for (HasMetadata resource : List.of(run.generatorJob(), run.mergeJob(), run.fetchPod())) {
        assertThat(resource.getMetadata().getLabels()).containsEntry("idv-harness/run-id", run.id());
      }
      for (Job job : List.of(run.generatorJob(), run.mergeJob())) {
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("idv-harness/run-id",
            run.id());
      }
      assertThat(run.generatorJob().getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0)
          .getLabelSelector().getMatchLabels()).as("generators spread per run").containsEntry("idv-harness/run-id",
          run.id());
    }
    assertThat(sidecar.id()).as("each run its own id").isNotEqualTo(shared.id());
  }

  @Test
  void runShWritesEveryValueOfRunYaml() throws Exception {
    JsonNode committed = RenderedManifests.YAML.readTree(Files.readString(LOAD.resolve("run/run.yaml")));
    Matcher written = Pattern.compile("(?s)cat > \"\\$work/load/run/run.yaml\" <<EOF\\n(.*?)\\nEOF\\n")
        .matcher(Files.readString(DIR.resolve("run.sh")));
    assertThat(written.find()).as("run.sh writes run/run.yaml").isTrue();
    JsonNode runSh = RenderedManifests.YAML.readTree(written.group(1));
    assertThat(names(runSh.path("spec"))).as("a value run.sh does not write would be the example's")
        .isEqualTo(names(committed.path("spec"))).isNotEmpty();
    assertThat(runSh.path("kind").asString()).isEqualTo(committed.path("kind").asString());
  }

  @Test
  void generatorsAreOneIndexedJobOfNThatStopsByItself() {
    for (RenderedRun run : List.of(sidecar, shared)) {
      Job job = run.generatorJob();
      assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
      assertThat(job.getSpec().getCompletions()).isEqualTo(4).isEqualTo(job.getSpec().getParallelism());
      assertThat(job.getSpec().getBackoffLimit()).as("a retried generator would start after the others").isZero();
      assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(Long.parseLong(DEADLINE));
      assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

      Container generator = container(job, "generator");
      assertThat(env(generator, "LOAD_INJECTORS")).isEqualTo("4");
      assertThat(env(generator, "LOAD_RUN_ID")).isEqualTo(run.id());
      assertThat(Instant.parse(env(generator, "LOAD_START_AT"))).isEqualTo(run.startAt());
      assertThat(env(generator, "LOAD_RESULTS_DIR")).isEqualTo("/results");
      assertThat(mountPath(generator, "results")).isEqualTo("/results");
      assertThat(generator.getCommand()).as("the image's Generator command").isEmpty();
      for (Container any : containers(job.getSpec().getTemplate().getSpec())) {
        assertThat(any.getEnv()).extracting(EnvVar::getName).as("the index is Kubernetes' (JOB_COMPLETION_INDEX)")
            .doesNotContain("JOB_COMPLETION_INDEX", "LOAD_INJECTOR_INDEX");
      }
      assertThat(settings(run.generators()).getData())
          .doesNotContainKeys("JOB_COMPLETION_INDEX", "LOAD_INJECTOR_INDEX", "LOAD_INJECTORS", "LOAD_RUN_ID");
    }
  }

  @Test
  void eachGeneratorHasItsStubAsANativeSidecarOnTheLoopback() {
    Job job = sidecar.generatorJob();
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("generator");
    Container stub = pod.getInitContainers().stream().filter(c -> c.getName().equals("stub")).findFirst().orElseThrow();

    assertThat(stub.getRestartPolicy()).as("native sidecar").isEqualTo("Always");
    assertThat(stub.getCommand()).contains("/app/idv-stubs.jar")
        .containsSubsequence("--port", "8089").containsSubsequence("--bind-address", "127.0.0.1")
        .containsSubsequence("--root-dir", "/app/stubs").containsSubsequence("--max-lifetime-seconds", DEADLINE);
    for (Probe probe : List.of(stub.getStartupProbe(), stub.getReadinessProbe())) {
      assertThat(String.join(" ", probe.getExec().getCommand())).contains("http://127.0.0.1:8089" + STATS);
    }
    Container generator = container(job, "generator");
    assertThat(env(generator, "CYBERARK_BASE_URL")).isEqualTo("http://127.0.0.1:8089");
    assertThat(env(generator, "IRONVEST_BASE_URL")).isEqualTo("http://127.0.0.1:8089");
    assertThat(generator.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
        .containsExactly(settings(sidecar.generators()).getMetadata().getName());
  }

  @Test
  void theSharedTargetVariantHasNoStubAndTakesItsSecretsFromASecret() {
    Job job = shared.generatorJob();
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain("stub-run", "stub-tmp");
    Container generator = container(job, "generator");

    assertThat(env(generator, "HARNESS_TARGET")).isEqualTo("remote");
    assertThat(env(generator, "LOAD_ALLOW_REMOTE")).isEqualTo("true");
    assertThat(generator.getEnv()).extracting(EnvVar::getName).as("the target is the ConfigMap's, not the loopback")
        .doesNotContain("CYBERARK_BASE_URL", "IRONVEST_BASE_URL");
    for (String secret : List.of("CYBERARK_PASSWORD", "IRONVEST_API_KEY")) {
      EnvVar variable = generator.getEnv().stream().filter(e -> e.getName().equals(secret)).findFirst().orElseThrow();
      assertThat(variable.getValue()).isNull();
      assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("idv-vendor-secrets");
      assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(secret);
    }
    ConfigMap target = RenderedManifests.one(shared.generators(), ConfigMap.class, "idv-shared-target");
    assertThat(generator.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
        .as("the settings first, the target after").containsExactly(settings(shared.generators()).getMetadata()
            .getName(), target.getMetadata().getName());
    assertThat(target.getData()).containsKeys("CYBERARK_BASE_URL", "IRONVEST_BASE_URL")
        .doesNotContainKeys("CYBERARK_PASSWORD", "IRONVEST_API_KEY");
  }

  @Test
  void generatorsAndMergeShareTheResultsClaim() throws Exception {
    PersistentVolumeClaim claim = RenderedManifests.one(RenderedManifests.kustomize(LOAD.resolve("volume")),
        PersistentVolumeClaim.class, "idv-results");
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    for (RenderedRun run : List.of(sidecar, shared)) {
      for (PodSpec pod : run.pods()) {
        Volume results = pod.getVolumes().stream().filter(v -> v.getName().equals("results")).findFirst()
            .orElseThrow();
        assertThat(results.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim.getMetadata().getName());
        assertThat(mountPath(pod.getContainers().get(0), "results")).isEqualTo("/results");
      }
    }
  }

  @Test
  void theMergeJudgesTheRunOnceWithTheGeneratorsSettingsAndWritesItsReportsBesideTheRecords() {
    Job merge = sidecar.mergeJob();
    Container container = container(merge, "merge");
    String runDir = "/results/" + sidecar.id();

    assertThat(container.getCommand()).containsSubsequence("dev.idvharness.load.job.LoadMerge", runDir);
    assertThat(container.getCommand()).containsSubsequence("-cp", "/app/test-classes:/app/classes:/app/lib/*");
    assertThat(env(container, "REPORTS_DIR")).isEqualTo(runDir + "/reports");
    ConfigMap settings = settings(sidecar.merge());
    assertThat(container.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
        .as("the gates' thresholds are the run's settings").containsExactly(settings.getMetadata().getName());
    assertThat(settings).as("the very ConfigMap the generators read").isEqualTo(settings(sidecar.generators()));
    assertThat(settings.getMetadata().getName()).as("generated: a change of settings is a new name")
        .startsWith("idv-load-settings-");
    assertThat(merge.getSpec().getBackoffLimit()).as("its exit code is the verdict").isZero();
    assertThat(merge.getSpec().getActiveDeadlineSeconds()).as("the run's merge deadline")
        .isEqualTo(Long.parseLong(MERGE_DEADLINE));
  }

  @Test
  void everyPodRunsAsNonRootWithoutServiceLinksOnTheRunsImage() throws Exception {
    for (RenderedRun run : List.of(sidecar, shared)) {
      for (PodSpec pod : run.pods()) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(DockerfileTest.imageUser());
        assertThat(pod.getEnableServiceLinks()).as("<SERVICE>_PORT variables could look like harness keys").isFalse();
        for (Container container : containers(pod)) {
          assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
          assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
          assertThat(container.getImage()).isEqualTo(IMAGE);
        }
      }
    }
  }

  @Test
  void everyHarnessVariableIsAKey() throws Exception {
    Set<String> keys = new TreeSet<>(Keys.all().stream().map(Key::environmentName).toList());
    Set<String> named = new TreeSet<>();
    for (RenderedRun run : List.of(sidecar, shared)) {
      for (PodSpec pod : run.pods()) {
        containers(pod).forEach(container -> container.getEnv().forEach(variable -> named.add(variable.getName())));
      }
      run.generators().stream().filter(ConfigMap.class::isInstance)
          .forEach(map -> named.addAll(((ConfigMap) map).getData().keySet()));
    }
    // the commented examples of the env files too: uncommented, they must work
    for (String file : List.of("settings/settings.env", "generators-shared-target/shared-target.env")) {
      Pattern.compile("(?m)^\\s*#\\s*([A-Z][A-Z0-9_]+)=").matcher(Files.readString(LOAD.resolve(file))).results()
          .forEach(match -> named.add(match.group(1)));
    }
    named.removeIf(name -> HARNESS_PREFIXES.stream().noneMatch(name::startsWith));
    assertThat(named).as("the settings' and the Jobs' harness keys").contains("LOAD_PROFILE", "SLA_P95_MS",
        "LOAD_START_AT", "CYBERARK_BASE_URL");
    assertThat(keys).as("an unknown LOAD_/SLA_/... variable stops the pod at start").containsAll(named);
  }

  static ConfigMap settings(List<HasMetadata> piece) {
    return RenderedManifests.one(piece, ConfigMap.class, "idv-load-settings");
  }

  static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = object.propertyNames().iterator(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** Every string value (and map key) of the documents. */
  static void strings(Iterable<JsonNode> nodes, List<String> values) {
    for (JsonNode node : nodes) {
      if (node.isString()) {
        values.add(node.asString());
      } else if (node.isObject()) {
        values.addAll(names(node));
        strings(node.values(), values);
      } else if (node.isArray()) {
        strings(node, values);
      }
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
}
