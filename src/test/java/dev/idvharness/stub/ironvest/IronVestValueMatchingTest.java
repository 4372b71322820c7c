package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Form values are matched type-agnostically, under their key or a synonym (contract 2.2). */
class IronVestValueMatchingTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  /** The stub "collected" amount "35.00", payeeID 6 (a number) and accountNumber "66666666". */
  @ParameterizedTest(name = "{0}: {1} -> match {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "amount        | 35            | true",
      "amount        | '35'          | true",
      "amount        | '35.00'       | true",
      "amount        | 35.0          | true",
      "amount        | 36            | false",
      "amount        | '35.01'       | false",
      "amount        | 'thirty-five' | false",
      "payeeID       | '6'           | true",
      "payeeID       | 6.00          | true",
      "payeeID       | 7             | false",
      "accountNumber | 66666666      | true",
      "accountNumber | '66666667'    | false",
      "notes         | 'Wire transfer' | true",
      "notes         | 'wire transfer' | false"})
  void valuesMatchWhateverTheirJsonType(String key, String value, boolean match) {
    JsonNode decision = decideOne("{'key':'" + key + "','value':" + value + "}");

    assertThat(details(decision, key).path("match").asBoolean()).isEqualTo(match);
    assertThat(decision.path("indicators").path("iv_is_values_match").asBoolean()).isEqualTo(match);
    assertThat(decision.path("verifiedAction").asBoolean()).isEqualTo(match);
  }

  @Test
  void aValueIsFoundUnderASynonymOfItsKey() {
    JsonNode decision = decideOne("{'key':'total','value':35,'synonyms':['sum','amount']}");

    assertThat(details(decision, "total").path("collected").asBoolean()).isTrue();
    assertThat(details(decision, "total").path("match").asBoolean()).isTrue();
    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
  }

  @Test
  void aValueNeverCollectedNeitherMatchesNorVerifies() {
    JsonNode decision = decideOne("{'key':'iban','value':'DE00','synonyms':['bankAccount']}");

    assertThat(details(decision, "iban").path("collected").asBoolean()).isFalse();
    assertThat(decision.path("indicators").path("iv_is_values_collected").asBoolean()).isFalse();
    assertThat(decision.path("verifiedAction").asBoolean()).isFalse();
  }

  @Test
  void oneMismatchedValueAmongMatchingOnesFailsTheAction() {
    JsonNode decision = ironVest.decide(Validation.acme("p0").withSessionData(
        "[{'key':'amount','value':35},{'key':'payeeID','value':6},{'key':'accountNumber','value':'1'}]"));

    assertThat(details(decision, "amount").path("match").asBoolean()).isTrue();
    assertThat(details(decision, "accountNumber").path("match").asBoolean()).isFalse();
    assertThat(decision.path("verifiedAction").asBoolean()).isFalse();
  }

  private static JsonNode decideOne(String entry) {
    return ironVest.decide(Validation.acme("p0").withSessionData("[" + entry + "]"));
  }

  private static JsonNode details(JsonNode decision, String key) {
    return decision.path("indicators").path("iv_values_match_details").path(key);
  }
}
