@ironvest
Feature: validate accepts the older spellings of earlier vendor docs (contract 2.1)

  Sources (docs/vendor-contract.md, section 0): earlier versions of the vendor page call uid "userID", enrollment
  "isEnrollment" and the path /api/v1/validate. The current page does not name them, so they are [client]; what the
  stubs do when both names are sent, and that both paths share sessions and statistics, is [ours]. Our own clients
  always send the current names and path.

  # strict-bank matches biometrics only for enrolled users, so enrollment decides the verdict of a new user
  @stub
  Scenario Outline: 2.1-<case> uid and enrollment sent as <uid> and <enrollment> give the verdict of the current names
    Given the organisation "strict-bank" of the stub data
    And a user who never enrolled
    And a validate request for csid "names-p0"
    # [doc] 2.1: enrollment is a boolean
    And the request sends the field "enrollment" as <enrol>
    # [client] 2.1: userID and isEnrollment are the older names of uid and enrollment (older vendor docs)
    And the request names uid "<uid>" and enrollment "<enrollment>"
    When the client validates until a verdict
    # [ours] 2.3: the verdict of the strict organisation, the same for either spelling
    Then the validate loop ends as "<outcome>"
    And the indicator "iv_user_enrolled" is <enrol>

    Examples: Enrolling
      | case | uid    | enrollment   | enrol | outcome      |
      | o1   | uid    | enrollment   | true  | verified     |
      | o2   | userID | isEnrollment | true  | verified     |
      | o3   | userID | enrollment   | true  | verified     |
      | o4   | uid    | isEnrollment | true  | verified     |

    Examples: Not enrolling
      | case | uid    | enrollment   | enrol | outcome      |
      | o5   | uid    | enrollment   | false | not-verified |
      | o6   | userID | isEnrollment | false | not-verified |

  @stub
  Scenario: 2.1-o7 a user enrolled under userID is the same user as uid in a later session
    Given the organisation "strict-bank" of the stub data
    And a user who never enrolled
    And a validate request for csid "enrol-old-p0"
    And the request sends the field "enrollment" as true
    # [client] 2.1: userID and isEnrollment are the older names of uid and enrollment (older vendor docs)
    And the request names uid "userID" and enrollment "isEnrollment"
    And the client has validated until a verdict
    # [ours] 2.2: later sessions of an enrolled uid report it; this one is sent with uid
    When a later session "later-p0" of the same user is validated until a verdict
    Then the validate loop ends as "verified"
    And the indicator "iv_user_enrolled" is true

  @stub
  Scenario: 2.1-o8 uid wins over userID sent beside it
    Given the organisation "strict-bank" of the stub data
    And a user who never enrolled
    And a validate request for csid "both-uid-p0"
    # [client] 2.1: userID is the older name of uid; enrolled-1 is enrolled from the start (stub data)
    And the request sends the field "userID" as "enrolled-1"
    When the client validates until a verdict
    # [ours] 2.1: where both names are sent, the current one wins: the user is the one who never enrolled
    Then the validate loop ends as "not-verified"
    And the indicator "iv_is_biometrics_match" is false

  @stub
  Scenario Outline: 2.1-<case> enrollment <enrol> wins over isEnrollment <older> sent beside it
    Given the organisation "strict-bank" of the stub data
    And a user who never enrolled
    And a validate request for csid "both-enrol-p0"
    # [doc] 2.1: enrollment is a boolean
    And the request sends the field "enrollment" as <enrol>
    # [client] 2.1: isEnrollment is the older name of enrollment (older vendor docs)
    And the request sends the field "isEnrollment" as <older>
    When the client validates until a verdict
    # [ours] 2.1: where both names are sent, the current one wins
    Then the validate loop ends as "<outcome>"
    And the indicator "iv_user_enrolled" is <enrol>

    Examples: Both names, different values
      | case | enrol | older | outcome      |
      | o9   | true  | false | verified     |
      | o10  | false | true  | not-verified |

  @stub
  Scenario Outline: 2.1-<case> POST <path> answers "processing", then the verdict
    # [doc] 2.1: POST /v1/validate; [client] 2.1: the older path /api/v1/validate (older vendor docs)
    Given the IronVest client posts to "<path>"
    And a validate request for csid "path-p2-r20"
    When the client validates until a verdict
    # [ours] 2.3: two "processing" answers (csid tokens), then the decision, on either path
    Then the validate loop ends as "verified"
    And the validate loop took 3 calls
    # [doc] 2.2: the decision's fields and types are on the page
    And the validate answer matches the schema "ironvest_decision"

    Examples: Current and older path
      | case | path             |
      | o11  | /v1/validate     |
      | o12  | /api/v1/validate |

  @stub
  Scenario: 2.1-o13 the older path answers "processing" in the documented shape
    # [client] 2.1: the older path /api/v1/validate (older vendor docs)
    Given the IronVest client posts to "/api/v1/validate"
    And a validate request for csid "shape-p1-r10"
    When the client validates once
    # [doc] 2.2: "processing", with retryAfterMS
    Then the answer has status 200
    And the validate answer matches the schema "ironvest_processing"
