package dev.idvharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksTheAnswerOfACyberArkRequest() {
    assertThat(Redaction.body("{\"Action\":\"Answer\",\"Answer\":\"hunter2\",\"SessionId\":\"s\"}"))
        .isEqualTo("{\"Action\":\"Answer\",\"Answer\":\"***\",\"SessionId\":\"s\"}");
  }

  @Test
  void masksTheTokensOfALoginSuccess() {
    assertThat(Redaction.body("{\"Token\": \"abc\", \"Auth\":\"def\", \"Summary\":\"LoginSuccess\"}"))
        .doesNotContain("abc", "def").contains("LoginSuccess");
  }

  @Test
  void masksTheApikeyHeaderInAnyCase() {
    assertThat(Redaction.headers(Map.of("apiKey", "k-1", "Content-Type", "application/json")))
        .doesNotContain("k-1").contains("application/json");
  }

  @Test
  void masksRegisteredSecretsAnywhere() {
    Redaction.register(List.of("registered-secret-value"));

    assertThat(Redaction.values("said registered-secret-value twice: registered-secret-value"))
        .isEqualTo("said *** twice: ***");
  }
}
