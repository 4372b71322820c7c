package dev.idvharness.stub.cyberark;

import static dev.idvharness.stub.cyberark.CyberArkDriver.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StartAuthentication: the NewPackage of contract 1.2. */
class CyberArkStartAuthenticationTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final CyberArkDriver cyberArk = new CyberArkDriver(stub);

  @Test
  void answersNewPackageWithTheSessionUnderReturnData() {
    JsonNode result = newPackage(request().put("User", "password.only@idv.test"));

    assertThat(result.path("TenantId").asText()).isEqualTo(CyberArkDriver.TENANT);
    assertThat(result.path("Version").asText()).isEqualTo("1.0");
    assertThat(result.path("ReturnData").path("SessionId").asText()).isNotBlank();
    assertThat(result.has("SessionId")).as("SessionId only under ReturnData").isFalse();
  }

  @Test
  void describesEveryMechanismOfEveryChallengeInOrder() {
    JsonNode challenges = newPackage(request().put("User", "mfa.push@idv.test")).path("ReturnData").path("Challenges");

    assertThat(challenges).hasSize(2);
    assertThat(names(challenges.get(0))).containsExactly("UP");
    assertThat(names(challenges.get(1))).containsExactly("OTP", "EMAIL", "OATH");
    assertThat(field(challenges.get(1), "AnswerType")).containsExactly("StartTextOob", "StartTextOob", "Text");
    for (JsonNode mechanism : challenges.get(1).path("Mechanisms")) {
      assertThat(mechanism.path("PromptSelectMech").asText()).isNotBlank();
      assertThat(mechanism.path("PromptMechChosen").asText()).isNotBlank();
      assertThat(mechanism.path("Enrolled").isBoolean()).isTrue();
    }
  }

  @Test
  void givesEveryMechanismItsOwnId() {
    CyberArkDriver.Session session = cyberArk.start("mfa.push@idv.test");

    assertThat(session.mechanismIds().values()).hasSize(4).doesNotHaveDuplicates().allSatisfy(
        id -> assertThat(id).isNotBlank());
  }

  @Test
  void startsANewSessionEveryTime() {
    String first = cyberArk.start("password.only@idv.test").id();
    String second = cyberArk.start("password.only@idv.test").id();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void echoesTheTenantItWasGiven() {
    JsonNode result = newPackage(request().put("TenantId", "XYZ9876").put("User", "password.only@idv.test"));

    assertThat(result.path("TenantId").asText()).isEqualTo("XYZ9876");
  }

  @Test
  void usesTheDefaultTenantWhenNoneIsSent() {
    ObjectNode body = StubHttp.JSON.createObjectNode().put("User", "password.only@idv.test");

    assertThat(newPackage(body).path("TenantId").asText()).isEqualTo(CyberArkDriver.TENANT);
  }

  @Test
  void ignoresTheVersionField() {
    JsonNode result = newPackage(request().put("User", "password.only@idv.test").put("Version", "2.7"));

    assertThat(result.path("Version").asText()).isEqualTo("1.0");
  }

  private static JsonNode newPackage(ObjectNode body) {
    return CyberArkEnvelope.succeeded(cyberArk.startAuthentication(body), "NewPackage");
  }

  private static List<String> names(JsonNode challenge) {
    return field(challenge, "Name");
  }

  private static List<String> field(JsonNode challenge, String field) {
    List<String> values = new ArrayList<>();
    challenge.path("Mechanisms").forEach(mechanism -> values.add(mechanism.path(field).asText()));
    return values;
  }
}
