package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.stub.StubOptions;
import dev.idvharness.stub.profile.Profiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/stub/ as a user renders it ({@code kubectl kustomize}, what {@code kubectl apply -k} applies),
 * read into the fabric8 model: N stub replicas behind one Service, their sessions in the Valkey the manifests start,
 * the admin token from a Secret, the profile from the generated ConfigMap, and an autoscaler on the Deployment.
 */
class StubReplicasManifestTest {

  private static final Path DIR = Path.of("deploy", "kubernetes", "stub");
  private static final List<HasMetadata> RENDERED = new ArrayList<>();

  @BeforeAll
  static void renderWithKubectlsKustomize() throws Exception {
    RenderedManifests.assumeKubectl();
    RENDERED.addAll(RenderedManifests.kustomize(DIR));
  }

  private static <T extends HasMetadata> T one(Class<T> type, String name) {
    return RenderedManifests.one(RENDERED, type, name);
  }

  private static Container stub() {
    return one(Deployment.class, "idv-stub").getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static EnvVar env(String name) {
    return stub().getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in the stub's environment"));
  }

  @Test
  void everyReplicaKeepsItsSessionsInTheValkeyTheManifestsStart() {
    URI store = URI.create(env("IDV_SESSION_STORE").getValue());
    Service valkey = one(Service.class, "idv-valkey");

    assertThat(store.getScheme()).isEqualTo("redis");
    assertThat(store.getHost()).isEqualTo(valkey.getMetadata().getName());
    assertThat(store.getPort()).isEqualTo(valkey.getSpec().getPorts().get(0).getPort());
    assertThat(valkey.getSpec().getSelector())
        .isEqualTo(one(StatefulSet.class, "idv-valkey").getSpec().getTemplate().getMetadata().getLabels());
    assertThat(one(StatefulSet.class, "idv-valkey").getSpec().getTemplate().getSpec().getContainers().get(0)
        .getImage()).as("a pinned image").matches(".+:[0-9]+\\.[0-9]+\\.[0-9]+");
  }

  @Test
  void theReplicasStandBehindOneServiceAndAnAutoscaler() {
    Deployment deployment = one(Deployment.class, "idv-stub");
    Service service = one(Service.class, "idv-stub");
    HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, "idv-stub");

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(
        service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
        .isEqualTo(stub().getPorts().get(0).getName());
    assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
    assertThat(autoscaler.getSpec().getMinReplicas()).isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
    assertThat(stub().getImage()).as("the kustomization's image").startsWith("registry.example/idv-stubs:");
  }

  @Test
  void theAdminTokenComesFromASecretAndTheHealthCheckSendsIt() throws IOException {
    assertThat(env("IDV_ADMIN_TOKEN").getValue()).as("never a literal token").isNull();
    assertThat(env("IDV_ADMIN_TOKEN").getValueFrom().getSecretKeyRef().getName()).isEqualTo("idv-stub-admin");
    assertThat(stub().getReadinessProbe().getExec().getCommand()).containsExactly("/app/bin/stub-health",
        "http://127.0.0.1:8089" + KubernetesManifestsTest.STATS);
    assertThat(Files.readString(Path.of("deploy", "docker", "stub-health"))).contains("${IDV_ADMIN_TOKEN");
  }

  @Test
  void theProfileIsTheGeneratedConfigMapsAndTheStubCanLoadIt() throws IOException {
    ConfigMap profile = one(ConfigMap.class, "idv-stub-profile");
    String mounted = one(Deployment.class, "idv-stub").getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(volume -> volume.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();

    assertThat(mounted).as("Kustomize's generated name, so a change rolls the replicas")
        .isEqualTo(profile.getMetadata().getName()).isNotEqualTo("idv-stub-profile");
    assertThat(stub().getArgs()).containsSequence("--profile", "/profiles/profile.json");
    Path file = Files.createTempFile("profile", ".json");
    Files.writeString(file, profile.getData().get("profile.json"));
    assertThat(Profiles.load(file).sessions().idleTtlSeconds()).isPositive();
    Files.delete(file);
  }

  @Test
  void theStubImageRunsWithTheTunedJvmFlags() throws IOException {
    String recipe = Files.readString(Path.of("deploy", "docker", "stub.Dockerfile"));
    StubOptions.TUNED_JVM_FLAGS.forEach(flag -> assertThat(recipe).contains(flag));
  }
}
