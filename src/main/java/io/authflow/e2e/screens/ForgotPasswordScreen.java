package io.authflow.e2e.screens;

/** Where a user who forgot their password asks for a reset code. */
public final class ForgotPasswordScreen {
  private final Ui ui;

  public ForgotPasswordScreen(Ui ui) {
    this.ui = ui;
  }

  public void requestCode(String email) {
    ui.awaitScreen("forgotPassword");
    ui.type("forgotPassword.email", email);
    ui.tap("forgotPassword.submit");
  }
}
