package io.authflow.e2e.screens;

import io.authflow.e2e.users.TestUser;

/**
 * The sign-up form: email and password, and whatever else the app profile says the form has: a
 * password confirmation, a username distinct from the email, a mobile number for codes by SMS.
 */
public final class SignUpScreen {
  private final Ui ui;

  public SignUpScreen(Ui ui) {
    this.ui = ui;
  }

  public void signUp(TestUser user) {
    ui.awaitScreen("signUp");
    if (ui.has("signUp.username")) {
      ui.type("signUp.username", user.username());
    }
    ui.type("signUp.email", user.email());
    ui.type("signUp.password", user.password());
    if (ui.has("signUp.confirmPassword")) {
      ui.type("signUp.confirmPassword", user.password());
    }
    if (!user.phone().isEmpty()) {
      ui.type("signUp.phone", user.phone());
    }
    ui.submit("signUp.submit");
  }
}
