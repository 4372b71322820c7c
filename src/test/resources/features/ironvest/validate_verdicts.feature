@ironvest @stub
Feature: verifiedAction is true only when the values and any collected biometrics match (contract 2.2 and 2.3)

  Scenario Outline: 2.3-<case> <what> ends as <outcome> with <indicator> <value>
    Given a validate request for csid "<csid>"
    And the amount sent is <amount>
    When the client validates until a verdict
    Then the validate loop ends as "<outcome>"
    And the indicator "<indicator>" is <value>

    Examples: Values
      | case | what                   | csid          | amount | outcome      | indicator                  | value |
      | a    | a different amount     | values-p0     | 35.01  | not-verified | iv_is_values_match         | false |
      | b    | values forced to differ | mismatch-p0   | 35     | not-verified | iv_is_values_match         | false |

    Examples: Biometrics
      | case | what                   | csid          | amount | outcome      | indicator                  | value |
      | c    | no biometrics collected | nobio-p0      | 35     | verified     | iv_is_biometrics_collected | false |
      | d    | biometrics that differ | biofail-p0    | 35     | not-verified | iv_is_biometrics_match     | false |

  Scenario Outline: 2.3-<case> an active-enrollment-only organisation and <who> ends as <outcome>
    Given the organisation "strict-bank" of the stub data
    And the user "<uid>"
    And a validate request for csid "strict-p0"
    When the client validates until a verdict
    Then the validate loop ends as "<outcome>"
    And the indicator "iv_is_biometrics_match" is <match>

    Examples: Enrolled or not
      | case | who                    | uid                  | outcome      | match |
      | e    | a user never enrolled  | never-enrolled-user  | not-verified | false |
      | f    | a user enrolled at start | enrolled-1         | verified     | true  |
