package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.stub.StubHttp;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validate: the 403 and 422 answers of contract 2.2, and the apikey header (contract 2.1). */
class IronVestErrorsTest {

  private static StubHttp http;
  private static IronVestClient ironVest;

  @BeforeAll
  static void startServer() {
    http = StubHttp.start();
    ironVest = new IronVestClient(http);
  }

  @AfterAll
  static void stopServer() {
    http.close();
  }

  @ParameterizedTest(name = "header {0}")
  @ValueSource(strings = {"apikey", "apiKey", "APIKEY", "ApiKey"})
  void theApikeyHeaderNameIsCaseInsensitive(String header) {
    Validation validation = Validation.acme("p0");

    HttpResponse<String> response = http.post(StubHttp.IRONVEST_VALIDATE, validation.body(), header, Validation.ACME_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(StubHttp.parse(response.body()).path("success").asBoolean()).isTrue();
  }

  @Test
  void aMissingApikeyIsForbidden() {
    assertError(ironVest.send(Validation.acme("p0").withApiKey(null)), 403, "apikey");
  }

  @ParameterizedTest(name = "apikey \"{0}\"")
  @ValueSource(strings = {"iv-stub-key-nobody", "IV-STUB-KEY-ACME-0001", " "})
  void anUnknownApikeyIsForbidden(String key) {
    assertError(ironVest.send(Validation.acme("p0").withApiKey(key)), 403, "API key");
  }

  @ParameterizedTest(name = "key of {0} for cid {1}")
  @CsvSource({"acme-bank, strict-bank, iv-stub-key-acme-0001", "strict-bank, acme-bank, iv-stub-key-strict-0002"})
  void theKeyOfAnotherCidIsForbidden(String owner, String cid, String key) {
    assertError(ironVest.send(Validation.acme("p0").withCid(cid).withApiKey(key)), 403, "mismatch");
  }

  @Test
  void aForbiddenCallIsForbiddenWhateverItsBody() {
    assertError(http.post(StubHttp.IRONVEST_VALIDATE, "not json", "apikey", "iv-stub-key-nobody"), 403, "API key");
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
    HttpResponse<String> response = http.post(StubHttp.IRONVEST_VALIDATE, json(body), "apikey", Validation.ACME_KEY);

    assertError(response, 422, named);
  }

  @Test
  void anOverlongIdIsUnprocessable() {
    Validation validation = Validation.acme("p0");
    String longCsid = "c".repeat(513);
    String body = validation.body().replace(validation.csid(), longCsid);

    assertError(http.post(StubHttp.IRONVEST_VALIDATE, body, "apikey", Validation.ACME_KEY), 422, "csid");
  }

  @Test
  void tooManySessionDataEntriesAreUnprocessable() {
    String entries = String.join(",", Collections.nCopies(1001, "{'key':'a','value':1}"));

    HttpResponse<String> response = ironVest.send(Validation.acme("p0").withSessionData("[" + entries + "]"));

    assertError(response, 422, "sessionData");
  }

  @Test
  void aJsonBodyNotDeclaredAsJsonIsUnprocessable() {
    HttpResponse<String> response = http.post(StubHttp.IRONVEST_VALIDATE, Validation.acme("p0").body(),
        "apikey", Validation.ACME_KEY, "Content-Type", "text/plain");

    assertError(response, 422, "JSON");
  }

  @Test
  void anotherMethodThanPostIsNotAllowed() {
    HttpResponse<String> response = http.get(StubHttp.IRONVEST_VALIDATE);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void anUnknownPathIsASmallJson404() {
    HttpResponse<String> response = http.get("/v1/unknown");

    assertError(response, 404, "Not Found");
  }

  private static void assertError(HttpResponse<String> response, int status, String named) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = StubHttp.parse(response.body());
    assertThat(body.path("error").asText()).as("error of %s", body).contains(named);
  }
}
