package dev.idvharness.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads, before any traffic, every class a run can reach late: the whole of the jars (or class folders) that hold the
 * harness's chains, records and reports, and HdrHistogram. A run that used up the process's open files cannot open a
 * jar to load a class first needed at its end (a failure kind, a report writer) and would lose its results. The list
 * is read from the jar itself, so a class added tomorrow is loaded too.
 */
final class RunClasses {

  /** The packages of ours the chains, the records and the reports use. */
  private static final List<String> OURS = List.of("dev/idvharness/load/", "dev/idvharness/client/",
      "dev/idvharness/config/", "dev/idvharness/report/", "dev/idvharness/json/");

  private RunClasses() {}

  /** Loads them all; returns their names. */
  static List<String> loadAll() {
    List<String> all = new ArrayList<>(load(LoadSimulation.class, OURS));
    all.addAll(load(org.HdrHistogram.Histogram.class, List.of("org/HdrHistogram/")));
    return all;
  }

  /** Every class under {@code prefixes} in the jar or folder that {@code anchor} came from. */
  static List<String> load(Class<?> anchor, List<String> prefixes) {
    List<String> names = new ArrayList<>();
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(file -> location.relativize(file).toString().replace('\\', '/')).forEach(names::add);
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            names.add(entries.nextElement().getName());
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException unreadable) {
      throw new IllegalStateException("cannot list the classes of " + anchor.getName() + ": " + unreadable, unreadable);
    }
    List<String> loaded = new ArrayList<>();
    for (String name : names) {
      if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class")
          && prefixes.stream().anyMatch(name::startsWith)) {
        try {
          // defined, not initialised: no static state starts early
          String className = name.substring(0, name.length() - 6).replace('/', '.');
          Class.forName(className, false, anchor.getClassLoader());
          loaded.add(className);
        } catch (ClassNotFoundException | LinkageError optional) {
          // a class whose own dependencies are absent here (an optional integration) is never reached by a run
        }
      }
    }
    return loaded;
  }
}
