package dev.idvharness.stub.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /__admin/idv/openapi.json}: the stub serves its own description, docs/openapi/idv-stubs.json. */
class OpenApiEndpointTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  @Test
  void theStubServesTheDescriptionInDocs() throws Exception {
    Exchange served = new StubHttp(stub).get("/__admin/idv/openapi.json");

    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).isEqualTo("application/json");
    assertThat(served.responseBody())
        .isEqualTo(Files.readString(StubAnswerValidator.DESCRIPTION, StandardCharsets.UTF_8));
    assertThat(StubHttp.parse(served.responseBody()).path("openapi").asText()).isEqualTo("3.1.0");
  }
}
