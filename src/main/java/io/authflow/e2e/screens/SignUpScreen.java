package io.authflow.e2e.screens;

import io.authflow.e2e.users.TestUser;

/**
 * The sign-up form: email and password, and whatever else the app profile says the form has: a
 * password confirmation, a username distinct from the email, a mobile number for codes by SMS.
 */
public final class SignUpScreen {
  static final LogicalName SCREEN = LogicalName.screen("signUp");
  static final LogicalName USERNAME = LogicalName.ifMapped("signUp.username");
  static final LogicalName EMAIL = LogicalName.of("signUp.email");
  static final LogicalName PASSWORD = LogicalName.of("signUp.password");
  static final LogicalName CONFIRM_PASSWORD = LogicalName.ifMapped("signUp.confirmPassword");
  // Typed only for a user with a mobile number: the scenarios with codes by SMS (and apps whose
  // profile requires it, which AppProfile checks against its own locators).
  static final LogicalName PHONE = LogicalName.whenTagged("@otp-sms", "signUp.phone");
  static final LogicalName SUBMIT = LogicalName.of("signUp.submit");

  private final Ui ui;

  public SignUpScreen(Ui ui) {
    this.ui = ui;
  }

  public void signUp(TestUser user) {
    ui.awaitScreen(SCREEN);
    if (ui.has(USERNAME)) {
      ui.type(USERNAME, user.username());
    }
    ui.type(EMAIL, user.email());
    ui.type(PASSWORD, user.password());
    if (ui.has(CONFIRM_PASSWORD)) {
      ui.type(CONFIRM_PASSWORD, user.password());
    }
    if (!user.phone().isEmpty()) {
      ui.type(PHONE, user.phone());
    }
    ui.submit(SUBMIT);
  }
}
