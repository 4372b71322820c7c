@ironvest @errors
Feature: validate refuses bad requests, reports application errors and unavailability (contract 2.2)

  Sources (docs/vendor-contract.md, section 0): the statuses 403 and 422 are [doc]; the page shows no body for
  them, so every check of an error body is [ours] and runs against the stubs only (@stub). Where two [doc] rules
  can apply to one request (a body without a readable cid is malformed, and its cid cannot match the key), every
  status they allow is accepted.

  @contract
  Scenario Outline: 2.2-<id> <case> answers 403
    Given a validate request for the configured session
    When the client validates once with <credentials>
    # [doc] 2.2: a missing, unknown or mismatched apikey is 403
    Then the answer has status 403

    Examples: apikey missing or unknown
      | id    | case           | credentials       |
      | 403a  | no apikey      | no apikey header  |
      | 403b  | unknown apikey | an unknown apikey |

  @stub
  Scenario Outline: 2.2-<id> <case> answers 403 with a small JSON error body
    Given a validate request for the configured session
    When the client validates once with <credentials>
    Then the answer has status 403
    # [ours] the error body
    And the validate answer matches the schema "ironvest_error"

    Examples: apikey missing, unknown or of another organisation
      | id    | case                   | credentials                  |
      | 403a  | no apikey              | no apikey header             |
      | 403b  | unknown apikey         | an unknown apikey            |
      | 403c  | the key of another cid | the apikey of another client |

  @contract @smoke
  Scenario: 2.2-403d the apikey header name is case-insensitive (apiKey works too)
    Given a validate request for the configured session
    # [doc] 2.1: the header table spells it apiKey, the example apikey (header names are case-insensitive)
    When the client validates once with the apikey header spelled apiKey
    Then the answer has status 200

  @contract
  Scenario Outline: 2.2-<id> <case> is refused (<statuses>)
    Given a validate request for the configured session
    When the client validates once sending <breakage>
    # [doc] 2.2: an invalid body is 422; without a readable cid, a cid and key mismatch (403) applies as well
    Then the answer has one of the statuses "<statuses>"

    Examples: No readable cid
      | id    | case             | breakage                | statuses |
      | 422a  | body not JSON    | a body that is not JSON | 422, 403 |
      | 422b  | no cid           | no cid                  | 422, 403 |
      | 422g  | cid not a string | cid as a number         | 422, 403 |

    Examples: Required field missing
      | id    | case              | breakage          | statuses |
      | 422c  | no csid           | no csid           | 422      |
      | 422d  | no uid            | no uid            | 422      |
      | 422e  | no additionalData | no additionalData | 422      |

    # [doc] sessionData is marked required, yet the page's own enrollment example sends "additionalData": {}
    Examples: Required by the table, left out by the page's example
      | id    | case              | breakage          | statuses |
      | 422f  | no sessionData    | no sessionData    | 422, 200 |

    Examples: Wrong type
      | id    | case                     | breakage                 | statuses |
      | 422h  | enrollment not a boolean | enrollment as a string   | 422      |
      | 422i  | sessionData not a list   | sessionData as an object | 422      |

    Examples: Bad sessionData entry
      | id    | case                    | breakage                          | statuses |
      | 422j  | entry without key       | an entry without key              | 422      |
      | 422k  | entry value a boolean   | an entry whose value is a boolean | 422      |
      | 422l  | entry not an object     | an entry that is a string         | 422      |

  @stub
  Scenario Outline: 2.2-<id> <case> answers 422 naming the problem
    Given a validate request for the configured session
    When the client validates once sending <breakage>
    # [ours] the stubs check the body before the key, and name the problem in a small JSON body
    Then the answer has status 422
    And the validate answer matches the schema "ironvest_error"
    And the error names "<names>"

    Examples: Body not JSON
      | id    | case          | breakage                | names |
      | 422a  | body not JSON | a body that is not JSON | JSON  |

    Examples: Required field missing
      | id    | case              | breakage          | names          |
      | 422b  | no cid            | no cid            | cid            |
      | 422c  | no csid           | no csid           | csid           |
      | 422d  | no uid            | no uid            | uid            |
      | 422e  | no additionalData | no additionalData | additionalData |
      | 422f  | no sessionData    | no sessionData    | sessionData    |

    Examples: Wrong type
      | id    | case                     | breakage                 | names       |
      | 422g  | cid not a string         | cid as a number          | cid         |
      | 422h  | enrollment not a boolean | enrollment as a string   | enrollment  |
      | 422i  | sessionData not a list   | sessionData as an object | sessionData |

    Examples: Bad sessionData entry
      | id    | case                    | breakage                          | names          |
      | 422j  | entry without key       | an entry without key              | key            |
      | 422k  | entry value a boolean   | an entry whose value is a boolean | value          |
      | 422l  | entry not an object     | an entry that is a string         | sessionData[0] |

  # [doc] 2.2 allows these answers; how the stubs produce them (csid tokens) and the Retry-After header are [ours]
  @stub
  Scenario: 2.2-app an application error is terminal and never retried
    Given a validate request for csid "app-p1-apperr"
    When the client validates until a verdict
    Then the validate loop ends as "application-error"
    And the validate answer matches the schema "ironvest_application_error"

  @stub
  Scenario: 2.2-503a a 503 has the documented body and a Retry-After header
    Given a validate request for csid "busy-u1-p0"
    When the client validates once
    Then the answer has status 503
    And the validate answer matches the schema "ironvest_unavailable"
    And the 503 carries a Retry-After header

  @stub
  Scenario: 2.2-503b a 503 is retried after Retry-After, then the decision comes
    Given a validate request for csid "busy-u1-p0"
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the validate loop took 2 calls

  @stub
  Scenario: 2.2-503c a 503 that outlasts the retry budget ends as unavailable
    Given a validate request for csid "down-u99-p0"
    And the validate retries after a 503 are 0
    When the client validates until a verdict
    Then the validate loop ends as "unavailable"
    And the validate loop took 1 calls

  @contract
  Scenario: 2.2-403e a 403 ends the validate loop at once: never retried
    Given a validate request for the configured session
    # [doc] 2.2: an unknown key is 403; section 3 (our loop): a 403 is never retried
    When the client validates until a verdict with an unknown apikey
    Then the validate loop ends as "rejected"
    And the validate loop took 1 calls
