package dev.idvharness.load.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A load generator ({@link Generator}) as a process of its own, with only the configuration a test gives it. */
final class GeneratorProcesses {

  private GeneratorProcesses() {}

  /**
   * @param openFiles the process's open-file limit (ulimit -n), or 0 to keep this one's
   */
  static ProcessBuilder generator(int openFiles, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    if (openFiles > 0) {
      command.addAll(List.of("bash", "-c", "ulimit -n " + openFiles + " && exec \"$0\" \"$@\""));
    }
    command.addAll(List.of(java(), "-Xmx384m",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-cp", classPath(), Generator.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.matches(
        "(HARNESS|CYBERARK|IRONVEST|POLL|VALIDATE|LOAD|SLA|REPORTS|DRIFT)_.*|JOB_COMPLETION_INDEX"));
    builder.environment().putAll(environment);
    return builder.redirectErrorStream(true).redirectOutput(log.toFile());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Surefire's own class path is a manifest jar; the test class path is in this property. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }
}
