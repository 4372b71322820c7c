package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.StubHttp.ACME_KEY;
import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.stub.StubHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Optional fields sent as JSON null are treated as absent, as most JSON writers emit unset fields that way. */
class IronVestNullOptionalsTest {

  private static StubHttp stub;

  @BeforeAll
  static void start() {
    stub = StubHttp.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @ParameterizedTest(name = "{0}: null")
  @ValueSource(strings = {"action", "enrollment"})
  void aNullOptionalFieldIsAccepted(String field) {
    HttpResponse<String> response = stub.post(StubHttp.IRONVEST_VALIDATE, json(
        "{'cid':'acme-bank','csid':'nulls-" + field + "','uid':'u1','" + field + "':null,"
            + "'additionalData':{'sessionData':[]}}"), "apikey", ACME_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(StubHttp.parse(response.body()).path("errorMessage").asText()).isEqualTo("processing");
  }
}
