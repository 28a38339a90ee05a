# Run by SecretCanaryTest (mvn test) with planted secrets and a planted password; both scenarios
# fail on purpose at the end, so every piece of failure evidence is written and can be searched.
Feature: Secret canary
  Nothing secret reaches a report or a log: not the password a user typed, not an API key.

  Scenario: A new user signs up with the canary password, then the run stops on purpose
    Given a new visitor with the canary password opens the app
    When they sign up to receive their code on their email
    And they enter the confirmation code from their email
    Then they see the dashboard with their email
    And the canary stops here on purpose

  Scenario: The canary password is still in the sign-in form when the run stops on purpose
    Given a new visitor with the canary password opens the app
    When they try to sign in with the canary password
    Then the canary stops here on purpose
