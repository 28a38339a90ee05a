@passwordless
Feature: A user signs in with a code sent to their email, without a password
  On a pool that lets users sign in with a one-time code by email (Amplify Gen 2's
  loginWith.email.otpLogin: Cognito's choice-based sign-in with EMAIL_OTP), a user enters their
  email, gets a code, and is signed in with it; no password is asked.

  # Applies where the pool allows EMAIL_OTP as a first factor and the app client the USER_AUTH flow
  # (DescribeUserPool's SignInPolicy, DescribeUserPoolClient), and the app offers it (its profile
  # maps signIn.withEmailCode); elsewhere the report shows it as not applying, and why.

  @otp-email
  Scenario: A user signs in with a one-time code sent to their email and no password
    Given a returning user on a pool that lets them sign in with a code sent to their email
    When they ask for a sign-in code by email instead of typing their password
    And they enter the sign-in code sent to their email
    Then they see the dashboard with their email
