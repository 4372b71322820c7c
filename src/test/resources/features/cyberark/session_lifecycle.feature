@cyberark @errors
Feature: A session ends at LoginSuccess or after three wrong answers (contract 1.3 and 1.4)

  LoginFailure is what public clients show [client]; that the third wrong answer ends the session, and that a
  finished session accepts nothing, are our decisions [ours]: asserted against the stubs only.

  @stub
  Scenario: 1.4-3a the third wrong answer in one session answers Summary LoginFailure
    Given the configured user has started authentication
    And the user has answered the password wrongly 2 times
    When the user answers the password wrongly
    Then success is false
    And the Result is Summary "LoginFailure"

  @stub
  Scenario: 1.4-3b a session ended by three wrong answers refuses even the right password
    Given the configured user has started authentication
    And the user has answered the password wrongly 3 times
    When the user answers the password
    Then success is false
    And the Result is Summary "Failure"

  @stub
  Scenario: 1.3-h a finished session (LoginSuccess) accepts nothing more
    Given the stub user "password.only@idv.test" has started authentication
    And the user has answered the password
    When the user answers the password
    Then success is false
    And the Message mentions "no longer active"
