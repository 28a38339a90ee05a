package io.authflow.e2e.steps;

import io.authflow.e2e.users.TestUser;

/** The user the scenario is about ("they" in the steps). */
public final class CurrentUser {
  private TestUser user;

  public TestUser get() {
    if (user == null) {
      throw new IllegalStateException(
          "No user yet: the scenario needs a Given step that introduces one, e.g. 'Given a new visitor opens the app'.");
    }
    return user;
  }

  public void set(TestUser user) {
    this.user = user;
  }
}
