@mfa
Feature: A user signs in with a second factor
  On a pool with multi-factor sign-in (MFA), the app asks for a second proof after the password:
  the code from the user's authenticator app, or a code the pool sends to their mobile by SMS or
  to their email. Where the pool requires MFA, a user without a second factor sets up an
  authenticator app at their first sign-in.

  # Each scenario applies only where the pool offers its factor, as the pool's own settings say
  # (DescribeUserPool's MfaConfiguration, GetUserPoolMfaConfig); elsewhere the report shows it as
  # not applying, with those settings.

  Scenario: A new user sets up an authenticator app at their first sign-in and lands on the dashboard
    Given a new user with an account and no second factor, on a pool that requires one
    When they sign in with their email and password
    Then they are asked to set up an authenticator app
    When they add the key the app shows to their authenticator app and enter its code
    Then they see the dashboard with their email

  Scenario: A returning user signs in with the code from their authenticator app
    Given a returning user who set up an authenticator app
    When they sign in with their email and password
    And they enter the code from their authenticator app
    Then they see the dashboard with their email

  Scenario: A wrong sign-in code is refused and the right one still works
    Given a returning user who set up an authenticator app
    When they sign in with their email and password
    And they enter a wrong sign-in code
    Then they see the message for a wrong sign-in code
    When they enter the code from their authenticator app
    Then they see the dashboard with their email

  Scenario Outline: A returning user gets their sign-in code by <channel>
    Given a returning user who gets their sign-in code by <channel>
    When they sign in with their email and password
    And they enter the sign-in code sent to their <channel>
    Then they see the dashboard with their email

    Examples:
      | channel |
      | SMS     |
      | email   |
