package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idvharness.config.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile, read as text (there is no Docker engine to build it here): the runtime stage copies what
 * the build stage makes, its command names classes the build makes, it runs as a numeric non-root user (what
 * Kubernetes' runAsNonRoot can check), and the build context holds the sources but nothing generated.
 */
class DockerfileTest {

  static final Path DOCKERFILE = Path.of("deploy/docker/Dockerfile");
  static final Path DOCKERIGNORE = Path.of(".dockerignore");

  record Instruction(String keyword, String arguments) {}

  record Stage(String name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    String workdir() {
      List<Instruction> workdirs = all("WORKDIR");
      return workdirs.isEmpty() ? "/" : workdirs.get(workdirs.size() - 1).arguments();
    }
  }

  @Test
  void theRuntimeStageCopiesWhatTheBuildStageMakes() throws IOException {
    Stage build = stage("build");
    String buildCommand = String.join(" ", build.all("RUN").stream().map(Instruction::arguments).toList());
    assertThat(buildCommand).contains("./mvnw", " package", "-DskipTests", "copy-dependencies", "-DincludeScope=test")
        .as("-Dmaven.test.skip would not compile the simulations").doesNotContain("maven.test.skip");
    Matcher lib = Pattern.compile("-DoutputDirectory=(\\S+)").matcher(buildCommand);
    assertThat(lib.find()).as("copy-dependencies names its folder").isTrue();
    assertThat(Files.readString(Path.of("pom.xml"))).as("the shade plugin's idv-stubs.jar")
        .contains("<finalName>idv-stubs</finalName>");

    Map<String, String> copies = new LinkedHashMap<>();
    for (Instruction copy : runtime().all("COPY")) {
      List<String> words = words(copy.arguments());
      if (words.get(0).equals("--from=build")) {
        String source = words.get(1);
        assertThat(source).startsWith(build.workdir() + "/");
        copies.put(trimSlash(source.substring(build.workdir().length() + 1)), trimSlash(words.get(2)));
      }
    }
    assertThat(copies).containsExactlyInAnyOrderEntriesOf(Map.of(
        "target/classes", "/app/classes",
        "target/test-classes", "/app/test-classes",
        trimSlash(lib.group(1)), "/app/lib",
        "target/idv-stubs.jar", "/app/idv-stubs.jar",
        "stubs", "/app/stubs"));
  }

  @Test
  void theDefaultCommandRunsOneGeneratorFromTheBuiltClasses() throws IOException {
    List<String> command = Arrays.asList(new ObjectMapper().readValue(runtime().all("CMD").get(0).arguments(),
        String[].class));
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command).containsSubsequence("-cp", "/app/test-classes:/app/classes:/app/lib/*");
    assertThat(command.get(command.size() - 1)).isEqualTo("dev.idvharness.load.job.Generator");

    // what the image's command and the merge Job name, as the build leaves them in target/
    assertThat(Path.of("target/classes/dev/idvharness/load/job/Generator.class")).isRegularFile();
    assertThat(Path.of("target/classes/dev/idvharness/load/job/LoadMerge.class")).isRegularFile();
    String simulation = Keys.LOAD_SIMULATION.defaultValue().replace('.', '/') + ".class";
    assertThat(Path.of("target/test-classes").resolve(simulation)).as("the default simulation").isRegularFile();
  }

  @Test
  void itRunsAsANumericNonRootUser() throws IOException {
    long user = imageUser();
    assertThat(user).isPositive();
    String useradd = String.join(" ", runtime().all("RUN").stream().map(Instruction::arguments).toList());
    assertThat(useradd).contains("useradd").contains("--uid " + user);
  }

  @Test
  void theStubHasItsHealthCheckOnTheStatsEndpoint() throws IOException {
    List<Instruction> healthchecks = runtime().all("HEALTHCHECK");
    assertThat(healthchecks).hasSize(1);
    assertThat(healthchecks.get(0).arguments()).contains("/app/bin/stub-health");
    assertThat(runtime().all("COPY")).extracting(Instruction::arguments)
        .anySatisfy(copy -> assertThat(copy).contains("deploy/docker/stub-health /app/bin/stub-health"));
    assertThat(Files.readString(Path.of("deploy/docker/stub-health"))).contains("/__admin/idv/stats");
    assertThat(Files.readString(DOCKERFILE)).as("the documented way to run the stub instead")
        .contains("java -jar /app/idv-stubs.jar --port 8089 --bind-address 0.0.0.0 --root-dir /app/stubs");
  }

  @Test
  void theBuildContextHoldsTheSourcesAndNothingGenerated() throws IOException {
    List<String> patterns = Files.readAllLines(DOCKERIGNORE).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    for (Stage stage : stages()) {
      for (Instruction copy : stage.all("COPY")) {
        List<String> words = words(copy.arguments());
        if (words.stream().noneMatch(word -> word.startsWith("--from="))) {
          for (String source : words.subList(0, words.size() - 1)) {
            if (!source.startsWith("--")) {
              assertThat(Path.of(source)).as("COPY " + source).exists();
              assertThat(ignored(patterns, trimSlash(source))).as(".dockerignore leaves out " + source).isFalse();
            }
          }
        }
      }
    }
    assertThat(ignored(patterns, "src/main/java/dev/idvharness/run/Target.java"))
        .as("a source is never ignored").isFalse();
    for (String generated : List.of(".git/HEAD", "target/classes/x.class", "reports/index.html", "harness.properties",
        "examples/gatling-chains/target/x.jar")) {
      assertThat(ignored(patterns, generated)).as(generated).isTrue();
    }
  }

  /** The uid of the runtime stage's USER, which the Kubernetes manifests run as. */
  static long imageUser() throws IOException {
    List<Instruction> users = runtime().all("USER");
    assertThat(users).as("a USER in the runtime stage").isNotEmpty();
    String user = users.get(users.size() - 1).arguments().split(":")[0];
    assertThat(user).as("numeric, so that runAsNonRoot can check it").matches("[0-9]+");
    return Long.parseLong(user);
  }

  static Stage stage(String name) throws IOException {
    return stages().stream().filter(stage -> name.equals(stage.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name));
  }

  static Stage runtime() throws IOException {
    List<Stage> stages = stages();
    return stages.get(stages.size() - 1);
  }

  /** The Dockerfile's stages, continuation lines joined, comments left out. */
  static List<Stage> stages() throws IOException {
    List<Stage> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String text = line.strip();
      if (text.startsWith("#") || text.isEmpty()) {
        continue;
      }
      if (text.endsWith("\\")) {
        pending.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      String instruction = pending.append(text).toString().strip();
      pending.setLength(0);
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String arguments = parts.length > 1 ? parts[1].strip() : "";
      if (keyword.equals("FROM")) {
        Matcher as = Pattern.compile("(?i)\\S+\\s+AS\\s+(\\S+)").matcher(arguments);
        stages.add(new Stage(as.matches() ? as.group(1) : null, new ArrayList<>()));
      } else {
        assertThat(stages).as(keyword + " before any FROM").isNotEmpty();
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return stages;
  }

  /** Whether Docker leaves the path out of the context: the last pattern matching it or a parent decides. */
  static boolean ignored(List<String> patterns, String path) {
    boolean ignored = false;
    for (String pattern : patterns) {
      boolean exception = pattern.startsWith("!");
      String glob = trimSlash(exception ? pattern.substring(1) : pattern).replaceFirst("^/", "");
      Pattern regex = Pattern.compile(globToRegex(glob));
      String candidate = path;
      boolean matched = false;
      while (!matched && !candidate.isEmpty()) {
        matched = regex.matcher(candidate).matches();
        int slash = candidate.lastIndexOf('/');
        candidate = slash < 0 ? "" : candidate.substring(0, slash);
      }
      if (matched) {
        ignored = !exception;
      }
    }
    return ignored;
  }

  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  static List<String> words(String arguments) {
    return Arrays.asList(arguments.split("\\s+"));
  }

  static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
