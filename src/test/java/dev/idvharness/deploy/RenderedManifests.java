package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Manifests as a user gets them: rendered by kubectl's own Kustomize (or by run.sh, which calls it), read into the
 * fabric8 model with no field the model does not know. fabric8 8 is built on Jackson 3, hence the Jackson 3 YAML
 * reader.
 */
final class RenderedManifests {

  static final YAMLMapper YAML = YAMLMapper.builder().build();

  private RenderedManifests() {
  }

  /** Skips the calling test class, with the reason, where kubectl is not installed. */
  static void assumeKubectl() {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: its Kustomize renders deploy/kubernetes");
  }

  /** {@code kubectl kustomize dir}: what {@code kubectl apply -k dir} applies. */
  static List<HasMetadata> kustomize(Path dir) throws Exception {
    return parse(run(List.of("kubectl", "kustomize", dir.toString()), Map.of()));
  }

  /** Runs a command to its end (at most a minute) and gives its output; a non-zero exit fails with the output. */
  static String run(List<String> command, Map<String, String> environment) throws Exception {
    Ended ended = exec(command, environment);
    assertThat(ended.exitCode()).as(command + ": " + ended.output()).isZero();
    return ended.output();
  }

  /** How a command ended: its exit code and its output (stdout and stderr together). */
  record Ended(int exitCode, String output) {}

  static Ended exec(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command + " ends").isTrue();
    return new Ended(process.exitValue(), output);
  }

  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> resources = new ArrayList<>();
    for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      Class<? extends HasMetadata> type = switch (document.path("kind").asString()) {
        case "Job" -> Job.class;
        case "Pod" -> Pod.class;
        case "ConfigMap" -> ConfigMap.class;
        case "PersistentVolumeClaim" -> PersistentVolumeClaim.class;
        case "Deployment" -> Deployment.class;
        case "StatefulSet" -> StatefulSet.class;
        case "Service" -> Service.class;
        case "HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
        default -> throw new AssertionError("a kind this test does not know: " + document.path("kind"));
      };
      HasMetadata resource = YAML.treeToValue(document, type);
      List<String> unknown = new ArrayList<>();
      unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
      assertThat(unknown).as("fields the model does not know (misspelt?)").isEmpty();
      resources.add(resource);
    }
    return resources;
  }

  /** The one resource of a type whose name starts with a prefix (generated names carry a hash). */
  static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type, String prefix) {
    List<T> found = resources.stream().filter(type::isInstance).map(type::cast)
        .filter(resource -> resource.getMetadata().getName().startsWith(prefix)).toList();
    assertThat(found).as(type.getSimpleName() + " " + prefix + "...").hasSize(1);
    return found.get(0);
  }

  private static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /** Every field the YAML gave that the model has no property for lands in additionalProperties: a typo. */
  private static void unknownFields(Object node, String path, List<String> unknown) {
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
