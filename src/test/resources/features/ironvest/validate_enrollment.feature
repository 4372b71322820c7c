@ironvest @stub
Feature: A verified enrollment marks the user enrolled for later sessions (contract 2.2)

  Background:
    Given the organisation "strict-bank" of the stub data
    And a user who never enrolled

  Scenario: 2.2-e1 a verified session with enrollment reports the user enrolled
    Given a validate request for csid "enrol-p0"
    And the request asks for enrollment
    When the client validates until a verdict
    Then the validate loop ends as "verified"
    And the indicator "iv_user_enrolled" is true

  Scenario: 2.2-e2 a later session of the enrolled user reports it
    Given the user has enrolled in session "enrol-p0"
    When a later session "later-p0" of the same user is validated until a verdict
    Then the indicator "iv_user_enrolled" is true

  Scenario: 2.2-e3 a session without enrollment leaves the user not enrolled
    Given a validate request for csid "plain-p0"
    When the client validates until a verdict
    Then the indicator "iv_user_enrolled" is false
