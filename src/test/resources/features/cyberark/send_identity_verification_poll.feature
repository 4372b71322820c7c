@cyberark @stub
Feature: The poll loop ends when the user acts, or at its deadline (contract 1.3, 1.5 and section 3)

  Scenario Outline: 1.5-<case> <user> ends the poll loop as <outcome>
    Given the stub user "<user>" has passed the password challenge
    And the user has started "OTP" out of band
    When the client polls "OTP" until the user acts
    Then the poll loop ends as "<outcome>"
    And the poll loop took <polls> Polls
    And the Summary is "<summary>"

    Examples: Approved after N polls
      | case | user                       | outcome | polls | summary      |
      | a    | mfa.push@idv.test          | passed  | 3     | LoginSuccess |
      | b    | load.p5.conformance@idv.test | passed  | 6     | LoginSuccess |

    Examples: Denied by the user
      | case | user                            | outcome | polls | summary |
      | c    | mfa.deny@idv.test               | denied  | 2     | Failure |
      | d    | load.p0.deny.conformance@idv.test | denied  | 1     | Failure |

  Scenario: 1.5-e a user approving after a time ends the poll loop as passed
    Given the stub user "load.t300.conformance@idv.test" has passed the password challenge
    And the user has started "OTP" out of band
    When the client polls "OTP" until the user acts
    Then the poll loop ends as "passed"

  Scenario: 3-a a user who never acts ends the poll loop at its deadline
    Given the stub user "load.p99999.conformance@idv.test" has passed the password challenge
    And the user has started "OTP" out of band
    And the poll deadline is 300 ms
    When the client polls "OTP" until the user acts
    Then the poll loop ends as "deadline"
