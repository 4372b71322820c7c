@ironvest @stub
Feature: validate answers "processing" until the decision is ready (contract 2.2, 2.3 and section 3)

  Scenario: 2.2-p1 a processing answer has the documented shape
    Given a validate request for csid "shape-p1-r10"
    When the client validates once
    Then the answer has status 200
    And the validate answer matches the schema "ironvest_processing"

  Scenario Outline: 2.3-<case> <count> processing answers <hint>, then the decision
    Given a validate request for csid "<csid>"
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the validate loop took <calls> calls

    Examples: With retryAfterMS
      | case | count | hint                    | csid             | calls |
      | p2   | 1     | with retryAfterMS       | proc-p1-r20      | 2     |
      | p3   | 3     | with retryAfterMS       | proc-p3-r20      | 4     |

    Examples: Without retryAfterMS (backoff with full jitter)
      | case | count | hint                    | csid             | calls |
      | p4   | 2     | without retryAfterMS    | proc-p2-noretry  | 3     |

  Scenario: 3-b a session that never leaves "processing" ends the validate loop at its deadline
    Given a validate request for csid "forever-p99999-r20"
    And the validate deadline is 300 ms
    When the client validates until a verdict
    Then the validate loop ends as "deadline"
