package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.StubHttp.json;
import static dev.idvharness.stub.cyberark.CyberArkEnvelope.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.client.Exchange;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import dev.idvharness.stub.cyberark.CyberArkDriver.Session;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The failures of contract 1.4 that come from the request itself: fields, Action, body, missing user. */
class CyberArkMalformedRequestTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @ParameterizedTest(name = "{0} missing")
  @ValueSource(strings = {"Action", "MechanismId", "SessionId", "TenantId"})
  void aMissingRequiredFieldIsNamed(String field) {
    ObjectNode body = validAnswer();
    body.remove(field);

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).contains(field);
  }

  @ParameterizedTest(name = "{0} not a string")
  @ValueSource(strings = {"Action", "MechanismId", "SessionId", "TenantId", "Answer"})
  void aFieldThatIsNotAStringIsNamed(String field) {
    ObjectNode body = validAnswer();
    body.put(field, 42);

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).contains(field);
  }

  @Test
  void answerWithoutAnAnswerNamesTheField() {
    ObjectNode body = validAnswer();
    body.remove("Answer");

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).contains("Answer");
  }

  @ParameterizedTest(name = "Action {0}")
  @ValueSource(strings = {"Cancel", "StartOOBX", "Answerr"})
  void anUnknownActionIsNamed(String action) {
    ObjectNode body = validAnswer().put("Action", action);

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).contains(action);
  }

  @ParameterizedTest(name = "Action {0} echoed as {1}")
  @MethodSource("unsafeActions")
  void anUnknownActionIsEchoedWithItsUnsafeCharactersMasked(String action, String echo) {
    ObjectNode body = validAnswer().put("Action", action);

    assertThat(rejected(cyberArk.sendIdentityVerification(body))).contains(echo).doesNotContain("<", "\n");
  }

  static Stream<Arguments> unsafeActions() {
    return Stream.of(
        Arguments.of("Start OOB", "'Start?OOB'"),
        Arguments.of("Poll\n", "'Poll?'"),
        Arguments.of("<b>Poll</b>", "'?b?Poll??b?'"));
  }

  @Test
  void theUuidFieldMayBeSentAndIsIgnored() {
    ObjectNode body = validAnswer().put("UUID", "0d3c5c7e-0001-4c9a-9f00-000000000001");

    CyberArkEnvelope.succeeded(cyberArk.sendIdentityVerification(body), "LoginSuccess");
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("unreadableBodies")
  void anUnreadableBodyIsReportedAsSuch(String what, String path, String body, String contentType) {
    JsonNode answer = cyberArk.post(path, body, "Content-Type", contentType);
    // a refused advance carries Result.Summary "Failure"; a refused start no Result, as the vendor's fixtures
    String message = path.equals(StubHttp.CYBERARK_START) ? CyberArkEnvelope.rejectedStart(answer) : rejected(answer);

    assertThat(message).containsIgnoringCase("could not be read");
  }

  static Stream<Arguments> unreadableBodies() {
    String valid = json("{'TenantId':'ABC1234','User':'password.only@idv.test'}");
    return Stream.of(StubHttp.CYBERARK_START, StubHttp.CYBERARK_SEND).flatMap(path -> Stream.of(
        Arguments.of("text that is not JSON", path, "User=password.only", "application/json"),
        Arguments.of("truncated JSON", path, "{\"TenantId\":", "application/json"),
        Arguments.of("a JSON array", path, "[1, 2]", "application/json"),
        Arguments.of("an empty body", path, "", "application/json"),
        Arguments.of("JSON sent as text/plain", path, valid, "text/plain")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no User and no UUID | {'TenantId':'ABC1234'}",
      "empty User | {'TenantId':'ABC1234','User':''}",
      "blank User | {'TenantId':'ABC1234','User':'   '}",
      "blank UUID | {'TenantId':'ABC1234','UUID':' '}",
      "User not a string | {'TenantId':'ABC1234','User':7}"})
  void startAuthenticationWithoutAUserIsUndefined(String what, String body) {
    JsonNode answer = cyberArk.post(StubHttp.CYBERARK_START, json(body));

    CyberArkEnvelope.failed(answer);
    assertThat(answer.path("Result").path("Summary").asText()).isEqualTo("Undefined");
  }

  @Test
  void startAuthenticationWithATenantThatIsNotAStringNamesIt() {
    JsonNode answer = cyberArk.post(StubHttp.CYBERARK_START, json("{'TenantId':7,'User':'password.only@idv.test'}"));

    assertThat(CyberArkEnvelope.rejectedStart(answer)).contains("TenantId");
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {StubHttp.CYBERARK_START, StubHttp.CYBERARK_SEND})
  void anotherMethodThanPostIsNotAllowed(String path) {
    Exchange response = cyberArk.get(path);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.responseHeader("Allow")).hasValue("POST");
  }

  private static ObjectNode validAnswer() {
    Session session = cyberArk.start("password.only@idv.test");
    return CyberArkDriver.request().put("Action", "Answer").put("Answer", cyberArk.user(session).password())
        .put("SessionId", session.id()).put("MechanismId", session.mechanismId("UP"));
  }
}
