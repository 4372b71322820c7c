package dev.idvharness.stub.ironvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.junit.IdvStubExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enrollment (contract 2.2, 2.3): strict-bank only matches the biometrics of enrolled users; a verified
 * {@code enrollment:true} session enrolls its uid; some uids are enrolled from the start (stubs/data/ironvest.json).
 */
class IronVestEnrollmentTest {

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final ValidateCalls ironVest = new ValidateCalls(stub);

  @Test
  void strictBankDoesNotVerifyAUserNotEnrolled() {
    JsonNode decision = ironVest.decide(Validation.strict("p0", newUid()));

    assertThat(decision.path("verifiedAction").asBoolean()).isFalse();
    assertThat(indicator(decision, "iv_is_biometrics_collected")).isTrue();
    assertThat(indicator(decision, "iv_is_biometrics_match")).isFalse();
    assertThat(indicator(decision, "iv_user_enrolled")).isFalse();
  }

  @Test
  void aVerifiedEnrollmentSessionEnrollsTheUser() {
    Validation enrollment = Validation.strict("p0", newUid()).withEnrollment(true);

    JsonNode decision = ironVest.decide(enrollment);

    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
    assertThat(indicator(decision, "iv_user_enrolled")).isTrue();
  }

  @Test
  void aLaterSessionOfAnEnrolledUserReportsItAndVerifies() {
    Validation enrollment = Validation.strict("p0", newUid()).withEnrollment(true);
    ironVest.decide(enrollment);

    JsonNode later = ironVest.decide(enrollment.withEnrollment(false).nextSession("p0"));

    assertThat(later.path("verifiedAction").asBoolean()).isTrue();
    assertThat(indicator(later, "iv_user_enrolled")).isTrue();
  }

  @Test
  void anEnrollmentSessionThatIsNotVerifiedEnrollsNobody() {
    Validation enrollment = Validation.strict("p0-mismatch", newUid()).withEnrollment(true);
    assertThat(ironVest.decide(enrollment).path("verifiedAction").asBoolean()).isFalse();

    JsonNode later = ironVest.decide(enrollment.withEnrollment(false).nextSession("p0"));

    assertThat(indicator(later, "iv_user_enrolled")).isFalse();
    assertThat(later.path("verifiedAction").asBoolean()).isFalse();
  }

  @ParameterizedTest(name = "uid {0}")
  @ValueSource(strings = {"user-enrolled-1", "enrolled-alice", "enrolled.bob", "enrolled_42"})
  void usersEnrolledFromTheStartAreVerifiedByStrictBank(String uid) {
    JsonNode decision = ironVest.decide(Validation.strict("p0", uid));

    assertThat(indicator(decision, "iv_user_enrolled")).isTrue();
    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "uid {0}")
  @ValueSource(strings = {"enrolledcarol", "not-enrolled-dave", "user-enrolled-2"})
  void otherUidsAreNotEnrolled(String uid) {
    JsonNode decision = ironVest.decide(Validation.strict("p0", uid));

    assertThat(indicator(decision, "iv_user_enrolled")).isFalse();
  }

  @Test
  void acmeBankMatchesTheBiometricsOfUsersNotEnrolled() {
    JsonNode decision = ironVest.decide(Validation.acme("p0"));

    assertThat(indicator(decision, "iv_user_enrolled")).isFalse();
    assertThat(decision.path("verifiedAction").asBoolean()).isTrue();
  }

  private static boolean indicator(JsonNode decision, String name) {
    return decision.path("indicators").path(name).asBoolean();
  }

  private static String newUid() {
    return "uid-" + UUID.randomUUID();
  }
}
