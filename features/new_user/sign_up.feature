@new-user
Feature: A new user signs up
  A visitor creates an account with their email and a password, proves the email is theirs with
  the one-time code we send to it, and is let in straight away.

  @otp-email @smoke
  Scenario: A new user confirms the emailed code and lands on the dashboard
    Given a new visitor opens the app
    When they sign up with their email and a valid password
    And they enter the confirmation code from their email
    Then they see the dashboard with their email
    And the user pool shows their account as confirmed with a verified email
