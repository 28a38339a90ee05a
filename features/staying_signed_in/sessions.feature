@session
Feature: A signed-in user stays signed in until their session is ended
  Once signed in, a user who closes and reopens the app finds themselves still signed in. The app
  trusts the sign-in it holds for as long as the pool's access tokens live (an hour on a default
  Amplify Gen 2 pool); after that it renews the session with the pool without asking them, unless
  the session was ended meanwhile: they signed out everywhere, or an admin disabled or deleted
  their account. Then, the next time they open the app once those tokens expired, they are asked
  to sign in again.

  # Scenarios tagged @session-expiry wait for the access tokens to expire. Against a pool whose
  # tokens live longer than the run may wait (timeouts.sessionExpiry), the report shows them as not
  # applying, with the pool's token lifetime. Those tagged @two-devices use a second app session
  # (a second device of target.udids, or a second browser).

  Scenario: A signed-in user who opens the app again soon after goes straight to the dashboard
    Given a returning user who is signed in
    When they close and reopen the app
    Then they see the dashboard with their email

  @session-expiry
  Scenario: A signed-in user whose session expired while the app was closed is kept signed in
    Given a returning user who is signed in
    When they close the app
    And their session expires
    And they open the app again
    Then they see the dashboard with their email

  @session-expiry @two-devices
  Scenario: A user who signed out everywhere is asked to sign in again on their other device
    Given a returning user who is signed in
    And they are signed in on their other device too
    When they sign out everywhere
    And their session expires
    And they open the app again on their other device
    Then they are asked to sign in again on their other device

  @session-expiry @two-devices
  Scenario: A user who signed out on one device stays signed in on their other device
    Given a returning user who is signed in
    And they are signed in on their other device too
    When they sign out
    And their session expires
    And they open the app again on their other device
    Then they see the dashboard with their email on their other device

  @session-expiry
  Scenario Outline: A user whose account was <done> by an admin is asked to sign in when they open the app again
    Given a returning user who is signed in
    When their account is <done> by an admin
    And their session expires
    And they open the app again
    Then they are asked to sign in again

    Examples:
      | done     |
      | disabled |
      | deleted  |
