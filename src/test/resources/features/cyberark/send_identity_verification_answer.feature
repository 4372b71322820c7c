@cyberark
Feature: SendIdentityVerification Answer advances in-band and answerable mechanisms (contract 1.3)

  @contract
  Scenario: 1.3-a the right password passes the first challenge
    Given the configured user has started authentication
    When the user answers the password
    # [doc] 1.1 and 1.3: the envelope, success true, a Summary
    Then the answer is the CyberArk envelope
    And success is true
    # [client] 1.3: the Summary values (a NewPackage may swap the package mid-flow, 1.6)
    And the Summary is one of "StartNextChallenge, NewPackage, LoginSuccess"
    And the answer matches the schema "cyberark_summary"

  @stub
  Scenario: 1.3-b the password of a user with a single challenge ends in LoginSuccess
    Given the stub user "password.only@idv.test" has started authentication
    When the user answers the password
    Then the Summary is "LoginSuccess"
    And the answer matches the schema "cyberark_summary"

  @stub
  Scenario: 1.3-c an OATH code answered in band passes the second challenge
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    When the user answers "OATH" with the OATH code
    Then the Summary is "LoginSuccess"

  @stub
  Scenario: 1.3-d an email code (StartTextOob) is started out of band, then answered in band
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    And the user has started "EMAIL" out of band
    When the user answers "EMAIL" with the code sent out of band
    Then the Summary is "LoginSuccess"
