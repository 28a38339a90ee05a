@new-user
Feature: A new user signs up
  A visitor creates an account with their email and a password, proves it is theirs with the
  one-time code we send to their email (or by SMS to their mobile, when they give one), and is let
  in straight away.

  Scenario Outline: A new user confirms the code sent to their <channel> and lands on the dashboard
    Given a new visitor opens the app
    When they sign up to receive their code on their <channel>
    And they enter the confirmation code from their <channel>
    Then they see the dashboard with their email
    And the user pool shows their account as confirmed with a verified <channel>

    @otp-email @smoke
    Examples: Code by email
      | channel |
      | email   |

    @otp-sms
    Examples: Code by SMS
      | channel |
      | mobile  |

  @otp-email
  Scenario: A mistyped confirmation code is refused, and the right code still works
    Given a new visitor opens the app
    When they sign up to receive their code on their email
    And they enter a wrong confirmation code
    Then they see the message for a wrong code
    And the user pool shows their account as not yet confirmed
    When they enter the confirmation code from their email
    Then they see the dashboard with their email

  @otp-email
  Scenario: A new user asks for a new code, and the new code confirms the account
    Given a new visitor opens the app
    When they sign up to receive their code on their email
    And they ask for a new confirmation code
    And they enter the confirmation code from their email
    Then they see the dashboard with their email
    And the user pool shows their account as confirmed with a verified email

  Scenario: Signing up with an email that already has an account is refused
    Given a returning user with a confirmed account
    When someone signs up again with that user's email
    Then they see the message for an email already registered

  Scenario Outline: A password that <flaw> is refused and no account is made
    Given a new visitor opens the app
    When they sign up with a password that <flaw>
    Then they see the message for a password that <flaw>
    And the user pool has no account for their email

    Examples:
      | flaw                    |
      | is too short            |
      | has no number           |
      | has no uppercase letter |
      | has no lowercase letter |
      | has no symbol           |

  @otp-email
  Scenario: A new user who left before entering the code is asked for it when they sign in
    Given a new visitor opens the app
    And they signed up but left before entering the code
    When they come back and sign in
    Then they are asked for the confirmation code
    When they enter the confirmation code from their email
    Then they see the dashboard with their email
