@cyberark
Feature: StartAuthentication opens a session with the challenges to pass (contract 1.2)

  The envelope is [doc] (contract 1.1); the shape of StartAuthentication's result is what public clients show
  [client]: against a vendor, a difference there is drift, never a failure.

  @contract @smoke
  Scenario: 1.2-a the configured user gets a NewPackage with its session and challenges
    When the configured user starts authentication
    # [doc] 1.1
    Then the answer is the CyberArk envelope
    And success is true
    # [client] 1.2
    And the answer matches the schema "cyberark_new_package"

  @contract @smoke
  Scenario: 1.2-b an unknown user gets a normal-looking NewPackage (no user enumeration)
    When an unknown user starts authentication
    # [doc] 1.1
    Then the answer is the CyberArk envelope
    # [client] 1.2: no user enumeration
    And the answer matches the schema "cyberark_new_package"

  @contract @errors @smoke
  Scenario: 1.4-12 StartAuthentication without User or UUID answers Summary Undefined
    When authentication is started without User or UUID
    # [doc] 1.1
    Then the answer is the CyberArk envelope
    # [client] 1.4
    And the Result is Summary "Undefined" as public clients show

  @stub
  Scenario Outline: 1.2-<case> the session is found under <shape>
    When the stub user "<user>" starts authentication
    Then the answer matches the schema "cyberark_new_package"
    And the session is under "<shape>"

    Examples: Both session shapes a client must accept
      | case | user                   | shape             |
      | c    | password.only@idv.test | Result.ReturnData |
      | d    | flat.shape@idv.test    | Result            |
