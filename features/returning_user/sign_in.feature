@returning-user
Feature: A returning user signs in
  Someone who already has an account signs in with their email and password and lands on the
  dashboard; the app remembers them until they sign out.

  @smoke
  Scenario: A returning user signs in and lands on the dashboard
    Given a returning user with a confirmed account
    When they sign in with their email and password
    Then they see the dashboard with their email

  Scenario: A wrong password is refused
    Given a returning user with a confirmed account
    When they sign in with a wrong password
    Then they see the message for a wrong password
    And they stay on the sign-in screen

  # What they are told depends on the app client: one that hides whether an account exists
  # (Amplify Gen 2's default) answers as for a wrong password.
  Scenario: Signing in before signing up fails because the user does not exist
    Given a visitor who never signed up
    When they sign in with their email and password
    Then they see the message for an unknown user
    And they stay on the sign-in screen

  Scenario: A returning user signs in with their email typed in a different case
    Given a returning user with a confirmed account
    When they sign in with their email typed in capitals and their password
    Then they see the dashboard with their email

  Scenario: A signed-in user signs out and stays signed out when they open the app again
    Given a returning user who is signed in
    When they sign out
    Then they see the sign-in screen
    When they close and reopen the app
    Then they see the sign-in screen
