@access
Feature: Screens behind the auth wall stay closed to signed-out users
  Everything behind sign-in, starting with the dashboard, is reachable only while signed in:
  not through a direct link, and not through the Back button after signing out.

  Scenario: A signed-out user who opens the dashboard link gets the sign-in screen
    Given a visitor who is not signed in
    When they open the dashboard through a direct link
    Then they see the sign-in screen
    And the dashboard is not shown

  Scenario: After signing out, going back does not reveal the dashboard
    Given a returning user who is signed in
    When they sign out
    And they go back
    Then they see the sign-in screen
    And the dashboard is not shown
