package dev.idvharness.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The gatling-maven-plugin's own {@code -Dgatling.*} properties, checked before Gatling starts: a misspelt one
 * (gatling.simulationClas) is ignored by the plugin, which then asks which simulation to run and, with no terminal,
 * ends in "No line found"; a simulation class that does not exist ends in a ClassNotFoundException trace. Both are
 * one line here. Nested names (gatling.core.encoding, Gatling's own configuration) are Gatling's to judge.
 */
final class GatlingProperties {

  /** The user properties of gatling-maven-plugin 4.21's test goal ({@code gatling:help -Ddetail -Dgoal=test}). */
  static final Set<String> PLUGIN = Set.of("continueOnAssertionFailure", "excludes", "failOnError",
      "ignoreDefaultGatlingJvmArgs", "includes", "jvmArgs", "noReports", "reportsOnly", "runDescription",
      "runMultipleSimulations", "sameProcess", "simulationClass", "skip", "workingDirectory");

  private static final String PREFIX = "gatling.";

  private GatlingProperties() {}

  /** One line per problem; none when the project's sources cannot be read (a jar run elsewhere). */
  static List<String> problems(Map<String, String> properties, Path projectDir) {
    List<String> problems = new ArrayList<>();
    for (String name : new TreeSet<>(properties.keySet())) {
      String rest = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null;
      if (rest != null && !rest.contains(".") && !PLUGIN.contains(rest)) {
        problems.add("unknown Gatling plugin property -D" + HarnessConfig.oneLine(name) + closest(rest)
            + " (the plugin would ignore it)");
      }
    }
    String simulation = properties.get(PREFIX + "simulationClass");
    if (simulation != null) {
      Map<String, Path> simulations = simulations(projectDir);
      if (!simulations.isEmpty() && !simulations.containsKey(simulation.trim())) {
        problems.add("no simulation class " + HarnessConfig.oneLine(simulation) + "; the simulations are "
            + String.join(", ", simulations.keySet()));
      }
    }
    return problems;
  }

  private static String closest(String rest) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : new TreeSet<>(PLUGIN)) {
      int distance = HarnessConfig.distance(rest.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return bestDistance <= 4 ? ", did you mean -D" + PREFIX + best + "?" : "";
  }

  /** The project's simulation classes by name: sources under src that extend a Gatling or the harness's simulation. */
  static Map<String, Path> simulations(Path projectDir) {
    Map<String, Path> found = new TreeMap<>();
    for (String root : new String[] {"src/test/java", "src/main/java"}) {
      Path sources = projectDir.resolve(root);
      if (!Files.isDirectory(sources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
          try {
            String text = Files.readString(file);
            if (text.matches("(?s).*\\bpublic\\s+class\\s+\\w+\\s+extends\\s+(LoadSimulation|Simulation)\\b.*")) {
              String name = sources.relativize(file).toString().replace('/', '.').replace('\\', '.');
              found.put(name.substring(0, name.length() - ".java".length()), file);
            }
          } catch (IOException unreadable) {
            // a file we cannot read is no simulation of ours
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }
}
