@ironvest
Feature: validate answers a decision once the session is processed (contract 2.2)

  @contract @smoke
  Scenario: 2.2-a the configured session is validated to a decision of the documented shape
    Given a validate request for the configured session
    When the client validates until a verdict
    # [doc] 2.2: "processing" until the decision; the decision's fields and types are on the page
    Then the validate loop ends with a verdict
    And the validate answer matches the schema "ironvest_decision"

  # which decision a csid gets is [ours] (csid tokens, docs/stub-server.md); type-agnostic matching is [doc]
  @stub
  Scenario: 2.2-b matching values and biometrics give verifiedAction true
    Given a validate request for csid "decision-p0"
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the indicator "iv_is_values_match" is true

  @stub
  Scenario: 2.2-c a decided session answers the same decision again
    Given a validate request for csid "decision-p0"
    And the client has validated until a verdict
    When the client validates once
    Then the answer is the same decision as before

  @stub
  Scenario Outline: 2.2-<case> the amount sent as <amount> matches the collected 35.00 (type-agnostic)
    Given a validate request for csid "amount-p0"
    And the amount sent is <amount>
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the indicator "iv_is_values_match" is true

    Examples: Numbers and strings
      | case | amount  |
      | d1   | 35      |
      | d2   | "35"    |
      | d3   | "35.00" |
      | d4   | 35.0    |

