package dev.idvharness.stub.ironvest;

import static dev.idvharness.stub.StubHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.StubHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The body checks of contract 2.1 on the older names of earlier vendor docs: {@code userID} for {@code uid} and
 * {@code isEnrollment} for {@code enrollment} ([client]); where both are sent, the current name wins ([ours]).
 */
class ValidateRequestTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      current names                       | 'uid':'u-new','enrollment':true                                   | u-new | true
      older names                         | 'userID':'u-old','isEnrollment':true                              | u-old | true
      older uid, current enrollment       | 'userID':'u-old','enrollment':true                                | u-old | true
      both names: the current ones win    | 'uid':'u-new','userID':'u-old','enrollment':false,'isEnrollment':true | u-new | false
      current names null: the older ones  | 'uid':null,'userID':'u-old','enrollment':null,'isEnrollment':true  | u-old | true
      no enrollment under either name     | 'userID':'u-old'                                                  | u-old | false
      """)
  void theOlderNamesAreReadWhereTheCurrentOnesAreAbsent(String why, String fields, String uid, boolean enrollment)
      throws ValidateRequest.Invalid {
    ValidateRequest request = ValidateRequest.check(body(fields));

    assertThat(request.uid()).isEqualTo(uid);
    assertThat(request.enrollment()).isEqualTo(enrollment);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      neither uid nor userID              | 'action':'x'                                      | uid is required
      userID empty                        | 'userID':''                                       | userID is required
      isEnrollment not a boolean          | 'uid':'u','isEnrollment':'yes'                    | isEnrollment must be a boolean
      a bad uid is not saved by userID    | 'uid':42,'userID':'u-old'                         | uid is required
      a bad enrollment is not saved by isEnrollment | 'uid':'u','enrollment':'yes','isEnrollment':true | enrollment must be a boolean
      """)
  void aProblemIsNamedAsTheRequestSpelledTheField(String why, String fields, String message) {
    assertThatThrownBy(() -> ValidateRequest.check(body(fields)))
        .isInstanceOf(ValidateRequest.Invalid.class)
        .hasMessageStartingWith(message);
  }

  private static ObjectNode body(String fields) {
    return (ObjectNode) StubHttp.parse(json("{'cid':'acme-bank','csid':'c1'," + fields
        + ",'additionalData':{'sessionData':[]}}"));
  }
}
