package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Optional fields sent as JSON null are treated as absent, as most JSON writers emit unset fields that way. */
class IronVestNullOptionalsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @ParameterizedTest(name = "{0}: null")
  @ValueSource(strings = {"action", "enrollment"})
  void aNullOptionalFieldIsAccepted(String field) {
    Exchange response = ironVest.post(json(
        "{'cid':'acme-bank','csid':'nulls-" + field + "','uid':'u1','" + field + "':null,"
            + "'additionalData':{'sessionData':[]}}"), "apikey", Validation.ACME_KEY);

    assertThat(response.status()).isEqualTo(200);
    assertThat(StubHttp.parse(response.responseBody()).path("errorMessage").asText()).isEqualTo("processing");
  }
}
