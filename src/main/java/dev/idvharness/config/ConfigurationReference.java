package dev.idvharness.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code docs/configuration.md} from {@link Keys}: one source for each key's name, environment variable,
 * default, form and meaning. A test fails when the document and the keys disagree; regenerate with
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=dev.idvharness.config.ConfigurationReference}.
 */
public final class ConfigurationReference {

  public static final Path DOCUMENT = Path.of("docs", "configuration.md");

  /** The sections of the document, by key prefix, in order. */
  private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("harness.", "Target and clients");
    SECTIONS.put("cyberark.", "CyberArk");
    SECTIONS.put("ironvest.", "IronVest");
    SECTIONS.put("poll.", "CyberArk poll loop");
    SECTIONS.put("validate.", "IronVest validate loop");
    SECTIONS.put("reports.", "Reports");
    SECTIONS.put("load.", "Load runs");
    SECTIONS.put("sla.", "Gates of load runs");
    SECTIONS.put("drift.", "Drift report");
  }

  private ConfigurationReference() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(DOCUMENT, render());
    System.out.println("wrote " + DOCUMENT);
  }

  public static String render() {
    StringBuilder doc = new StringBuilder();
    doc.append("# Configuration\n\n")
        .append("<!-- Generated from src/main/java/dev/idvharness/config/Keys.java by ConfigurationReference;")
        .append(" do not edit by hand. -->\n\n")
        .append("The harness (not the stub server, which takes flags: see [stub-server.md](stub-server.md)) reads")
        .append(" one chain, highest first:\n\n")
        .append("1. a system property, `-Dkey=value` (with Maven: `./mvnw verify -Dpoll.intervalMs=500`);\n")
        .append("2. the environment variable, the key in upper snake case (`POLL_INTERVAL_MS`);\n")
        .append("3. `harness.properties` in the working directory;\n")
        .append("4. the default.\n\n")
        .append("Secrets come only from the environment, and an empty variable counts as unset. An unknown `-D` or")
        .append(" `harness.properties` key under the harness's prefixes, or a value of the wrong form, stops the run with")
        .append(" one line and exit code 2 before any traffic (the first step of every Maven run checks it). An")
        .append(" environment variable under the prefixes that names no key (a CI runner's `LOAD_BALANCER_URL`, a")
        .append(" Kubernetes `POLL_SERVICE_HOST`) is one warning line naming the closest key: the environment is shared.\n");
    for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
      doc.append("\n## ").append(section.getValue()).append("\n\n")
          .append("| key | environment | default | form | meaning |\n")
          .append("|---|---|---|---|---|\n");
      for (Key<?> key : Keys.all()) {
        if (key.name().startsWith(section.getKey())) {
          doc.append("| `").append(key.name()).append("` | `").append(key.environmentName()).append("` | ")
              .append(defaultOf(key)).append(" | ").append(key.secret() ? "secret, environment only" : key.form().expected())
              .append(" | ").append(escape(key.meaning())).append(" |\n");
        }
      }
    }
    return doc.toString();
  }

  private static String defaultOf(Key<?> key) {
    return key.defaultText() == null ? "(none)" : key.defaultText().isEmpty() ? "(empty)" : "`" + key.defaultText() + "`";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
