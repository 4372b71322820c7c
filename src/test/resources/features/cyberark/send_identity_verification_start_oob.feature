@cyberark
Feature: SendIdentityVerification StartOOB and Poll while the user has not acted (contract 1.3)

  @contract
  Scenario: 1.3-e StartOOB on the configured out-of-band mechanism answers OobPending
    Given the configured user has passed the password challenge
    When the user starts the configured out-of-band mechanism
    # [doc] 1.3: StartOOB initiates, success true
    Then the answer is the CyberArk envelope
    And success is true
    # [client] 1.3: the value OobPending
    And the Summary is "OobPending"

  @contract
  Scenario: 1.3-f a Poll before the user acts answers OobPending
    Given the configured user has passed the password challenge
    And the user starts the configured out-of-band mechanism
    When the user polls the configured out-of-band mechanism once
    # [doc] 1.3: Poll waits for the user, success true
    Then success is true
    # [client] 1.3: the value OobPending, and the result's shape
    And the Summary is "OobPending"
    And the answer matches the schema "cyberark_summary"

  @stub
  Scenario: 1.3-g StartOOB on an answerable mechanism (StartTextOob) also answers OobPending
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    When the user starts "EMAIL" out of band
    Then the Summary is "OobPending"
