@ironvest @mtls
Feature: validate over mutual TLS (contract 2.1)

  # [doc] 2.1: the same request may be sent over mTLS; the statuses and shapes are those of 2.2
  @contract @smoke
  Scenario: 2.1-m1 the configured session is validated to a decision over mTLS
    Given the IronVest client uses mTLS with its client certificate
    And a validate request for the configured session
    When the client validates until a verdict
    Then the validate loop ends with a verdict
    And the validate answer matches the schema "ironvest_decision"

  @contract @errors
  Scenario: 2.1-m2 a request without apikey is refused over mTLS too
    Given the IronVest client uses mTLS with its client certificate
    And a validate request for the configured session
    When the client validates once with no apikey header
    Then the answer has status 403

  @contract @errors
  Scenario: 2.1-m3 a request without cid is refused over mTLS too
    Given the IronVest client uses mTLS with its client certificate
    And a validate request for the configured session
    When the client validates once sending no cid
    # [doc] 2.2: invalid body (422), and no cid to match the key (403)
    Then the answer has one of the statuses "422, 403"

  @stub
  Scenario: 2.1-m4 processing, then the decision, over mTLS
    Given the IronVest client uses mTLS with its client certificate
    And a validate request for csid "mtls-p2-r20"
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the validate loop took 3 calls

  @stub @errors
  Scenario Outline: 2.1-<id> the mTLS endpoint refuses <certificate>
    When the client validates over mTLS presenting <certificate>
    Then the connection is refused

    Examples: Refused certificates
      | id  | certificate                    |
      | m5  | no client certificate          |
      | m6  | a certificate from a foreign CA |
      | m7  | an expired certificate         |
