package io.authflow.e2e.screens;

/** Where a user who forgot their password asks for a reset code. */
public final class ForgotPasswordScreen {
  static final LogicalName SCREEN = LogicalName.screen("forgotPassword");
  static final LogicalName EMAIL = LogicalName.of("forgotPassword.email");
  static final LogicalName SUBMIT = LogicalName.of("forgotPassword.submit");

  private final Ui ui;

  public ForgotPasswordScreen(Ui ui) {
    this.ui = ui;
  }

  public void requestCode(String email) {
    ui.awaitScreen(SCREEN);
    ui.type(EMAIL, email);
    ui.tap(SUBMIT);
  }
}
