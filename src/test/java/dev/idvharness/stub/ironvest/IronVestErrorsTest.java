package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validate: the 403 and 422 answers of contract 2.2, and the apikey header (contract 2.1). */
class IronVestErrorsTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @ParameterizedTest(name = "header {0}")
  @ValueSource(strings = {"apikey", "apiKey", "APIKEY", "ApiKey"})
  void theApikeyHeaderNameIsCaseInsensitive(String header) {
    Validation validation = Validation.acme("p0");

    Exchange response = ironVest.post(validation.body(), header, Validation.ACME_KEY);

    assertThat(response.status()).isEqualTo(200);
    assertThat(StubHttp.parse(response.responseBody()).path("success").asBoolean()).isTrue();
  }

  @Test
  void aMissingApikeyIsForbidden() {
    assertError(ironVest.send(Validation.acme("p0").withApiKey(null)), 403, "apikey");
  }

  @ParameterizedTest(name = "apikey {0}")
  @MethodSource("unknownKeys")
  void anUnknownApikeyIsForbidden(String what, String key) {
    assertError(ironVest.send(Validation.acme("p0").withApiKey(key)), 403, "API key");
  }

  /** Named by what they are: a display name must not show a key. */
  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        Arguments.of("never issued", "not-the-key"),
        Arguments.of("of acme-bank in upper case", Validation.ACME_KEY.toUpperCase(Locale.ROOT)),
        Arguments.of("blank", " "));
  }

  @ParameterizedTest(name = "key of {0} for cid {1}")
  @CsvSource({"acme-bank, strict-bank", "strict-bank, acme-bank"})
  void theKeyOfAnotherCidIsForbidden(String owner, String cid) {
    String key = stub.data().requireApiKeyOf(owner);

    assertError(ironVest.send(Validation.acme("p0").withCid(cid).withApiKey(key)), 403, "mismatch");
  }

  @Test
  void aForbiddenCallIsForbiddenWhateverItsBody() {
    assertError(ironVest.post("not json", "apikey", "not-the-key"), 403, "API key");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "body not JSON                 | cid=acme-bank                                     | JSON object",
      "body a JSON list              | []                                                | JSON object",
      "cid missing                   | {'csid':'c','uid':'u','additionalData':{'sessionData':[]}} | cid",
      "cid not a string              | {'cid':1,'csid':'c','uid':'u','additionalData':{'sessionData':[]}} | cid",
      "csid missing                  | {'cid':'acme-bank','uid':'u','additionalData':{'sessionData':[]}} | csid",
      "csid empty                    | {'cid':'acme-bank','csid':'','uid':'u','additionalData':{'sessionData':[]}} | csid",
      "uid missing                   | {'cid':'acme-bank','csid':'c','additionalData':{'sessionData':[]}} | uid",
      "uid not a string              | {'cid':'acme-bank','csid':'c','uid':{},'additionalData':{'sessionData':[]}} | uid",
      "action not a string           | {'cid':'acme-bank','csid':'c','uid':'u','action':3,'additionalData':{'sessionData':[]}} | action",
      "enrollment not a boolean      | {'cid':'acme-bank','csid':'c','uid':'u','enrollment':'yes','additionalData':{'sessionData':[]}} | enrollment",
      "additionalData missing        | {'cid':'acme-bank','csid':'c','uid':'u'}          | additionalData",
      "additionalData not an object  | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':[]} | additionalData",
      "sessionData missing           | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{}} | sessionData",
      "sessionData not a list        | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':{}}} | sessionData",
      "entry not an object           | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':['amount']}} | sessionData[0]",
      "entry key missing             | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'value':35}]}} | sessionData[0].key",
      "entry value missing           | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'amount'}]}} | sessionData[0].value",
      "entry value a boolean         | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'amount','value':true}]}} | sessionData[0].value",
      "entry value out of range      | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'amount','value':1e400}]}} | sessionData[0].value",
      "entry value null              | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'amount','value':null}]}} | sessionData[0].value",
      "entry synonyms not a list     | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'a','value':1,'synonyms':'b'}]}} | sessionData[0].synonyms",
      "entry synonym not a string    | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'a','value':1,'synonyms':[2]}]}} | sessionData[0].synonyms",
      "second entry bad              | {'cid':'acme-bank','csid':'c','uid':'u','additionalData':{'sessionData':[{'key':'a','value':1},{'key':''}]}} | sessionData[1].key"})
  void anUnprocessableBodyNamesTheProblem(String problem, String body, String named) {
    Exchange response = ironVest.post(json(body), "apikey", Validation.ACME_KEY);

    assertError(response, 422, named);
  }

  @Test
  void anOverlongIdIsUnprocessable() {
    Validation validation = Validation.acme("p0");
    String longCsid = "c".repeat(513);
    String body = validation.body().replace(validation.csid(), longCsid);

    assertError(ironVest.post(body, "apikey", Validation.ACME_KEY), 422, "csid");
  }

  @Test
  void tooManySessionDataEntriesAreUnprocessable() {
    String entries = String.join(",", Collections.nCopies(1001, "{'key':'a','value':1}"));

    Exchange response = ironVest.send(Validation.acme("p0").withSessionData("[" + entries + "]"));

    assertError(response, 422, "sessionData");
  }

  @Test
  void aJsonBodyNotDeclaredAsJsonIsUnprocessable() {
    Exchange response = ironVest.post(Validation.acme("p0").body(),
        "apikey", Validation.ACME_KEY, "Content-Type", "text/plain");

    assertError(response, 422, "JSON");
  }

  @Test
  void anotherMethodThanPostIsNotAllowed() {
    Exchange response = ironVest.get(StubHttp.IRONVEST_VALIDATE);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.responseHeader("Allow")).hasValue("POST");
  }

  @Test
  void anUnknownPathIsASmallJson404() {
    Exchange response = ironVest.get("/v1/unknown");

    assertError(response, 404, "Not Found");
  }

  private static void assertError(Exchange response, int status, String named) {
    assertThat(response.status()).as("status of %s", response.responseBody()).isEqualTo(status);
    assertThat(response.responseHeader("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = StubHttp.parse(response.responseBody());
    assertThat(body.path("error").asText()).as("error of %s", body).contains(named);
  }
}
