@cyberark @errors
Feature: SendIdentityVerification error catalogue (contract 1.4)

  Sources (docs/vendor-contract.md, section 0): the page documents an error object (success:false, a Message, an
  ErrorID) for a wrong MechanismId, SessionId or Answer and a missing required field [doc]. The Summary "Failure"
  and the ErrorID format are what public clients show [client]; what the Message says, the Summary of a refused request, and the
  cases the page does not name (another tenant, an unknown Action, an Action that does not fit, an unreadable body)
  are our decisions [ours], asserted against the stubs only (@stub).

  @contract
  Scenario Outline: 1.4-<id> <case> answers the documented error object
    Given the configured user has started authentication
    When the client sends <request>
    # [doc] 1.1 and 1.4: HTTP 200, the envelope, success false with a Message and an ErrorID
    Then the answer is the CyberArk envelope
    And success is false
    And the answer is an error object with a Message and an ErrorID
    # [client] 1.4: the ErrorID looks like <guid>:<hex> (drift, never a failure, against a vendor)
    And the ErrorID looks like a GUID and a hex number
    # [client] 1.4: clients read Result.Summary on every answer, failures included
    And the Result carries a Summary as public clients read it

    Examples: Wrong answers
      | id | case           | request          |
      | 1  | wrong password | a wrong password |

    Examples: Unknown references
      | id | case                           | request                          |
      | 4  | unknown SessionId              | an unknown SessionId             |
      | 5  | MechanismId of another session | a MechanismId of another session |

    Examples: Required field missing or not a string
      | id | case                 | request            |
      | 7a | no Action            | no Action          |
      | 7b | no MechanismId       | no MechanismId     |
      | 7c | no SessionId         | no SessionId       |
      | 7d | no TenantId          | no TenantId        |
      | 7e | Action not a string  | Action as a number |

  @contract
  Scenario: 1.4-1b a wrong password answers Summary "Failure"
    Given the configured user has started authentication
    When the client sends a wrong password
    Then success is false
    # [client] 1.4: public clients read Summary "Failure" (drift, never a failure, against a vendor)
    And the Result is Summary "Failure" as public clients show

  @stub
  Scenario Outline: 1.4-<id> <case> answers success:false with Result <result>
    Given the configured user has started authentication
    When the client sends <request>
    Then the answer is the CyberArk envelope
    And success is false
    # [ours] the Result and the words of the Message
    And the Result is <result>
    And the Message mentions "<mentions>"
    And the ErrorID looks like a GUID and a hex number

    Examples: Wrong answers
      | id | case           | request          | result             | mentions                                       |
      | 1  | wrong password | a wrong password | Summary "Failure"  | Authentication (login or challenge) has failed |

    Examples: Unknown or foreign references
      | id | case                           | request                          | result            | mentions  |
      | 4  | unknown SessionId              | an unknown SessionId             | Summary "Failure" | session   |
      | 5  | MechanismId of another session | a MechanismId of another session | Summary "Failure" | mechanism |
      | 6  | TenantId of another tenant     | another TenantId                 | Summary "Failure" | tenant    |

    Examples: Required field missing or not a string
      | id | case                 | request            | result            | mentions    |
      | 7a | no Action            | no Action          | Summary "Failure" | Action      |
      | 7b | no MechanismId       | no MechanismId     | Summary "Failure" | MechanismId |
      | 7c | no SessionId         | no SessionId       | Summary "Failure" | SessionId   |
      | 7d | no TenantId          | no TenantId        | Summary "Failure" | TenantId    |
      | 7e | Action not a string  | Action as a number | Summary "Failure" | Action      |

    Examples: Unknown Action
      | id | case          | request         | result            | mentions |
      | 8  | Action Cancel | Action "Cancel" | Summary "Failure" | Cancel   |

    Examples: Action that does not fit the mechanism
      | id | case                                | request                            | result            | mentions |
      | 9a | Poll on a mechanism never started   | Poll on the password mechanism     | Summary "Failure" | Poll     |
      | 9b | StartOOB on a Text mechanism        | StartOOB on the password mechanism | Summary "Failure" | StartOOB |

    Examples: Unreadable body
      | id | case             | request                 | result            | mentions |
      | 10 | body not JSON    | a body that is not JSON | Summary "Failure" | read     |

  @stub
  Scenario: 1.4-2a a wrong OATH code in the second challenge answers Summary Failure
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    When the user answers "OATH" with a wrong value
    Then success is false
    And the Result is Summary "Failure"

  @stub
  Scenario: 1.4-2b a wrong emailed code answers Summary Failure
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    And the user has started "EMAIL" out of band
    When the user answers "EMAIL" with a wrong value
    Then success is false
    And the Result is Summary "Failure"
