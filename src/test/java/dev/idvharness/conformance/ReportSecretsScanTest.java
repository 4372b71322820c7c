package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secret scan itself can fail: it finds a secret as a token, and only as a token. */
class ReportSecretsScanTest {

  private static final Path FILE = Path.of("report.json");

  @Test
  void findsASecretQuotedInJson() {
    List<String> hits = ReportSecretsTest.hits(List.of("Stub-Passw0rd!"), Map.of(FILE, "{\"Answer\":\"Stub-Passw0rd!\"}"));

    assertThat(hits).singleElement().asString().contains("report.json").doesNotContain("Stub-Passw0rd!");
  }

  @Test
  void findsAnOtpBetweenSpaces() {
    assertThat(ReportSecretsTest.hits(List.of("654321"), Map.of(FILE, "code 654321 sent"))).hasSize(1);
  }

  @Test
  void ignoresDigitsInsideALongerNumberOrHexString() {
    assertThat(ReportSecretsTest.hits(List.of("123456"), Map.of(FILE, "\"nanos\":912345678 ab123456cd"))).isEmpty();
  }

  @Test
  void readsTheBase64AttachmentsOfTheJsonReport() throws Exception {
    String attachment = java.util.Base64.getEncoder().encodeToString("{\"Answer\":\"654321\"}".getBytes());
    String report = "[{\"elements\":[{\"steps\":[{\"embeddings\":[{\"data\":\"" + attachment + "\"}]}]}]}]";

    assertThat(ReportSecretsTest.hits(List.of("654321"), Map.of(FILE, ReportSecretsTest.decodedEmbeddings(report))))
        .hasSize(1);
  }

  @Test
  void findsASecretEscapedInsideAJsonString() {
    assertThat(ReportSecretsTest.hits(List.of("pa\"ss"), Map.of(FILE, "{\"Answer\":\"pa\\\"ss\"}"))).hasSize(1);
  }

  @Test
  void theSecretsIncludeTheStubDataPasswordsCodesAndKeys() throws Exception {
    assertThat(ReportSecretsTest.secrets()).contains("Stub-Passw0rd!", "123456", "654321", "iv-stub-key-acme-0001");
  }
}
