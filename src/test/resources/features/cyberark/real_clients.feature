@cyberark @stub
Feature: What the vendor's own clients meet and handle (contract 1.6)

  Scenario: 1.6-a a tenant on another pod is sent there with PodFqdn, and the client goes on there
    When the stub user "other.pod@idv.test" starts authentication
    # [client] 1.6: PodFqdn names the tenant's pod; the client repeats StartAuthentication there and stays
    # [ours] 1.6: the stub's other pod is the same stub under the host name otherPodHost ("localhost")
    Then the client was sent to the pod "localhost"
    And the Summary is "NewPackage"
    When the user answers the password
    And the user starts "OTP" out of band
    And the client polls "OTP" until the user acts
    # [ours] 1.5: the user approves after one OobPending
    Then the poll loop ends as "passed"
    # [client] 1.6: LoginSuccess names the pod and the tenant, as the vendor's fixtures show
    And the Summary is "LoginSuccess"
    And the Result carries "PodFqdn, SystemID, SourceDsType, TokenLifetime"

  Scenario: 1.6-b a NewPackage after the password: the client restarts with its challenges
    Given the stub user "new.package@idv.test" has started authentication
    When the user answers the password
    # [client] 1.3: the server may swap the package at any time
    Then success is true
    And the Summary is "NewPackage"
    And the answer matches the schema "cyberark_summary"
    # [client] 1.6: the client restarts at the first challenge of the new package
    And the session stands at challenge 1 of package 2
    When the user starts "OTP" out of band
    And the client polls "OTP" until the user acts
    Then the Summary is "LoginSuccess"

  Scenario: 1.6-c requests with and without X-IDAP-NATIVE-CLIENT are served alike
    When the stub user "password.only@idv.test" starts authentication without the X-IDAP-NATIVE-CLIENT header
    # [client] 1.1: clients send the header; the vendor does not strictly need it
    Then the Summary is "NewPackage"
    When the user answers the password
    Then the Summary is "LoginSuccess"

  Scenario: 1.6-d the vendor's SDKs log in through /Security/StartAuthentication and /Security/AdvanceAuthentication
    Given the client calls the paths of the vendor's SDKs
    When the stub user "mfa.push@idv.test" starts authentication
    # [client] 1.6: the same state machine, the session directly under Result, no TenantId on the advance
    Then the session is under "Result"
    And the answer matches the schema "cyberark_new_package"
    When the user answers the password
    Then the Summary is "StartNextChallenge"
    When the user starts "OTP" out of band
    And the user polls "OTP" once
    Then the Summary is "OobPending"
    When the user answers "OTP" with the code sent out of band
    Then the Summary is "LoginSuccess"

  Scenario: 1.6-e OTP is answerable: after StartOOB the typed code passes, as the SDKs offer it
    Given the stub user "mfa.push@idv.test" has passed the password challenge
    When the user starts "OTP" out of band
    # [client] 1.6: OTP is StartTextOob, answered by a push approved while polling or by a typed code
    And the user answers "OTP" with the code sent out of band
    Then the Summary is "LoginSuccess"

  Scenario: 1.6-f a push-only mechanism (StartOob) cannot be answered with a code
    Given the stub user "phone.call@idv.test" has passed the password challenge
    When the user starts "PF" out of band
    And the user answers "PF" with a wrong value
    # [ours] 1.4: Answer does not fit an out-of-band-only mechanism
    Then success is false
    And the Result is Summary "Failure"
    And the Message mentions "out of band only"

  Scenario: 1.6-g the fields the vendor's fixtures carry
    When the stub user "mfa.push@idv.test" starts authentication
    # [client] 1.6: as conjur-cli-go's identity_mock fixtures show them
    Then the Result carries "EventDescription, RetryWaitingTime, SecurityImageName, AllowLoginMfaCache"
    And the mechanism "EMAIL" carries "MaskedEmailAddress, PartialAddress"
    And the answer matches the schema "cyberark_new_package"
