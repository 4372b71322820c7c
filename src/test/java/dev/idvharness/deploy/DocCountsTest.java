package dev.idvharness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A count a document states ("128 Cucumber scenarios", "14 feature files") is the count the code has: docs that
 * drifted told users of 16 feature files when there were 14. Scenarios are counted as Cucumber runs them: a
 * scenario once, an outline once per example row.
 */
class DocCountsTest {

  private static final Path FEATURES = Path.of("src/test/resources/features");
  private static final Pattern STATED = Pattern.compile("(\\d+) (?:Cucumber )?(scenarios|feature files)\\b");

  @Test
  void everyCountOfScenariosAndFeatureFilesInTheDocsIsTheSuitesOwn() throws IOException {
    List<Path> features = featureFiles();
    int scenarios = 0;
    for (Path feature : features) {
      scenarios += scenarios(Files.readAllLines(feature));
    }
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs()) {
      Matcher stated = STATED.matcher(Files.readString(doc));
      while (stated.find()) {
        checked++;
        int actual = stated.group(2).equals("scenarios") ? scenarios : features.size();
        if (Integer.parseInt(stated.group(1)) != actual) {
          wrong.add(doc + ": \"" + stated.group() + "\", the suite has " + actual);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("counts found in the docs (docs/conformance.md states both)").isGreaterThanOrEqualTo(2);
  }

  /** A scenario counts once; an outline once per row of its examples tables, each table's header aside. */
  static int scenarios(List<String> lines) {
    int count = 0;
    boolean outline = false;
    boolean header = false;
    for (String line : lines) {
      String text = line.strip();
      if (text.startsWith("Scenario Outline:") || text.startsWith("Scenario Template:")) {
        outline = true;
      } else if (text.startsWith("Scenario:") || text.startsWith("Example:")) {
        outline = false;
        count++;
      } else if (outline && (text.startsWith("Examples:") || text.startsWith("Scenarios:"))) {
        header = true;
      } else if (outline && text.startsWith("|")) {
        if (header) {
          header = false;
        } else {
          count++;
        }
      }
    }
    return count;
  }

  private static List<Path> featureFiles() throws IOException {
    try (Stream<Path> files = Files.walk(FEATURES)) {
      return files.filter(file -> file.toString().endsWith(".feature")).toList();
    }
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }
}
