package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.config.Keys;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.cyberark.CyberArkUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secret scan itself can fail: it finds a secret as a token, and only as a token. The secrets are the stub data's. */
class ReportSecretsScanTest {

  private static final Path FILE = Path.of("report.json");
  private static final StubData DATA = StubData.load(Path.of(Keys.STUBS_DIR.defaultValue()));
  private static final CyberArkUser MFA = DATA.user("mfa.push@idv.test").orElseThrow();

  @Test
  void findsASecretQuotedInJson() {
    String password = MFA.password();

    List<String> hits = ReportSecretsTest.hits(List.of(password), Map.of(FILE, "{\"Answer\":\"" + password + "\"}"));

    assertThat(hits).singleElement().asString().contains("report.json").doesNotContain(password);
  }

  @Test
  void findsAnOtpBetweenSpaces() {
    String code = MFA.oobCode();

    assertThat(ReportSecretsTest.hits(List.of(code), Map.of(FILE, "code " + code + " sent"))).hasSize(1);
  }

  @Test
  void ignoresDigitsInsideALongerNumberOrHexString() {
    String code = MFA.oathCode();

    assertThat(ReportSecretsTest.hits(List.of(code), Map.of(FILE, "\"nanos\":9" + code + "78 ab" + code + "cd")))
        .isEmpty();
  }

  @Test
  void readsTheBase64AttachmentsOfTheJsonReport() throws Exception {
    String code = MFA.oobCode();
    String attachment = Base64.getEncoder().encodeToString(
        ("{\"Answer\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8));
    String report = "[{\"elements\":[{\"steps\":[{\"embeddings\":[{\"data\":\"" + attachment + "\"}]}]}]}]";

    assertThat(ReportSecretsTest.hits(List.of(code), Map.of(FILE, ReportSecretsTest.decodedEmbeddings(report))))
        .hasSize(1);
  }

  @Test
  void findsASecretEscapedInsideAJsonString() {
    assertThat(ReportSecretsTest.hits(List.of("pa\"ss"), Map.of(FILE, "{\"Answer\":\"pa\\\"ss\"}"))).hasSize(1);
  }

  @Test
  void theSecretsIncludeTheStubDataPasswordsCodesAndKeys() throws Exception {
    assertThat(ReportSecretsTest.secrets()).contains(MFA.password(), MFA.oathCode(), MFA.oobCode(),
        DATA.requireApiKeyOf("acme-bank"), DATA.requireApiKeyOf("strict-bank"));
  }
}
