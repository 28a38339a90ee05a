package io.authflow.e2e.screens;

import io.authflow.e2e.users.TestUser;

/** The sign-up form: email, password and, for codes by SMS, a mobile number. */
public final class SignUpScreen {
  private final Ui ui;

  public SignUpScreen(Ui ui) {
    this.ui = ui;
  }

  public void signUp(TestUser user) {
    ui.awaitScreen("signUp");
    ui.type("signUp.email", user.email());
    ui.type("signUp.password", user.password());
    if (!user.phone().isEmpty()) {
      ui.type("signUp.phone", user.phone());
    }
    ui.tap("signUp.submit");
  }
}
