package dev.idvharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The steps' typed parameters: a catalogue name becomes its constant, any other name fails saying what there is. */
class ParameterTypesTest {

  private final ParameterTypes types = new ParameterTypes();

  @Test
  void aCatalogueNameBecomesItsConstant() {
    assertThat(types.cyberArkRequest("Action \"Cancel\"")).isEqualTo(CyberArkBrokenRequest.CANCEL);
    assertThat(types.cyberArkRequest("no TenantId").described()).isEqualTo("a request without TenantId");
    assertThat(types.breakage("no additionalData").missingField()).isEqualTo("additionalData");
    assertThat(types.certificate("an expired certificate")).isEqualTo(ClientCertificate.EXPIRED);
  }

  @Test
  void aNameOutsideTheCatalogueFailsListingTheNamesItHas() {
    assertThatThrownBy(() -> types.credentials("a stolen apikey")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no a stolen apikey in the catalogue IronVestCredentials: it has no apikey header, an unknown"
            + " apikey, the apikey of another client, the apikey header spelled apiKey");
  }

  @Test
  void listsAndValuesAreTyped() {
    assertThat(types.names(" Summary, Challenges ")).containsExactly("Summary", "Challenges");
    assertThat(types.statuses("422, 403")).containsExactly(422, 403);
    assertThat(types.json("35.50").decimalValue()).isEqualByComparingTo("35.50");
    assertThat(types.json("\"35\"").isTextual()).isTrue();
    assertThat(types.flag("false")).isFalse();
  }
}
