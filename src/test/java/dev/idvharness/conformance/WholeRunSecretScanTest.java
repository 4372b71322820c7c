package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-run scan finds a secret wherever a run could leak it, and only there. */
class WholeRunSecretScanTest {

  @TempDir
  Path run;

  @Test
  void aStubPasswordInAGatlingLogIsFound() throws IOException {
    write("gatling/simulation.log", "REQUEST\tPoll\tbody={\"Answer\":\"Stub-Passw0rd!\"}");

    assertThat(hits()).singleElement().asString().contains("simulation.log").doesNotContain("Stub-Passw0rd!");
  }

  @Test
  void anApiKeyInsideABase64AttachmentOfTheCucumberJsonIsFound() throws IOException {
    String attachment = Base64.getEncoder().encodeToString("apikey: iv-stub-key-acme-0001".getBytes(StandardCharsets.UTF_8));
    write("cucumber/cucumber.json", "[{\"elements\":[{\"steps\":[{\"embeddings\":[{\"data\":\"" + attachment + "\"}]}]}]}]");

    assertThat(hits()).isNotEmpty();
  }

  @Test
  void maskedRequestsAndEncodedHistogramsAreClean() throws IOException {
    write("surefire/TestOutput-output.txt", "POST /v1/validate apikey=*** Answer=***");
    write("gatling/histograms/verdict.hlog", "HISTFAAAAB1123456xz/654321+Stub-Passw0rd!");

    assertThat(hits()).isEmpty();
  }

  private List<String> hits() throws IOException {
    return ReportSecretsTest.hits(ReportSecretsTest.secrets(), WholeRunSecretScan.written(List.of(run)));
  }

  private void write(String relative, String text) throws IOException {
    Path file = run.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
