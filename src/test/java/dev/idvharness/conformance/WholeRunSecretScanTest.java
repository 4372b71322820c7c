package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.Keys;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.cyberark.CyberArkUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-run scan finds a secret wherever a run could leak it, and only there. The secrets are the stub data's. */
class WholeRunSecretScanTest {

  private static final StubData DATA = StubData.load(Path.of(Keys.STUBS_DIR.defaultValue()));
  private static final CyberArkUser MFA = DATA.user("mfa.push@idv.test").orElseThrow();

  @TempDir
  Path run;

  @Test
  void aStubPasswordInAGatlingLogIsFound() throws IOException {
    write("gatling/simulation.log", "REQUEST\tPoll\tbody={\"Answer\":\"" + MFA.password() + "\"}");

    assertThat(hits()).singleElement().asString().contains("simulation.log").doesNotContain(MFA.password());
  }

  @Test
  void anApiKeyInsideABase64AttachmentOfTheCucumberJsonIsFound() throws IOException {
    String attachment = Base64.getEncoder().encodeToString(
        ("apikey: " + DATA.requireApiKeyOf("acme-bank")).getBytes(StandardCharsets.UTF_8));
    write("cucumber/cucumber.json", "[{\"elements\":[{\"steps\":[{\"embeddings\":[{\"data\":\"" + attachment + "\"}]}]}]}]");

    assertThat(hits()).isNotEmpty();
  }

  @Test
  void maskedRequestsAndEncodedHistogramsAreClean() throws IOException {
    write("surefire/TestOutput-output.txt", "POST /v1/validate apikey=*** Answer=***");
    write("gatling/histograms/verdict.hlog",
        "HISTFAAAAB1" + MFA.oathCode() + "xz/" + MFA.oobCode() + "+" + MFA.password());

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
