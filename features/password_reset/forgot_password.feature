@password-reset
Feature: A user who forgot their password resets it with a code
  A returning user who forgot their password asks for a reset code, gets it by email, chooses a
  new password and signs in with it. The old password stops working.

  @smoke @otp-email
  Scenario: A returning user resets a forgotten password and signs in with the new one
    Given a returning user with a confirmed account
    When they ask to reset their forgotten password
    And they enter the reset code from their email and a new valid password
    Then they are told their password was changed
    When they sign in with their email and password
    Then they see the dashboard with their email

  @otp-email
  Scenario: The old password no longer works after a reset
    Given a returning user who has reset their forgotten password
    When they sign in with their old password
    Then they see the message for a wrong password

  @otp-email
  Scenario: A wrong reset code is refused and the password stays as it was
    Given a returning user with a confirmed account
    When they ask to reset their forgotten password
    And they enter a wrong reset code and a new valid password
    Then they see the message for a wrong code
    When they open the app again and sign in with their email and password
    Then they see the dashboard with their email

  @otp-email
  Scenario: A new password that breaks the policy is refused
    Given a returning user with a confirmed account
    When they ask to reset their forgotten password
    And they enter the reset code from their email and a new password that is too short
    Then they see the message for a new password that is too short
