package io.authflow.e2e.screens;

/** Where the reset code and the new password are entered. */
public final class ResetPasswordScreen {
  private final Ui ui;

  public ResetPasswordScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen("resetPassword");
  }

  /** The reset went through: the app is back on sign-in, waiting for the new password. */
  public void awaitDone() {
    ui.awaitScreen("signIn");
  }

  public void reset(String code, String newPassword) {
    awaitShown();
    ui.type("resetPassword.code", code);
    ui.type("resetPassword.newPassword", newPassword);
    if (ui.has("resetPassword.confirmPassword")) {
      ui.type("resetPassword.confirmPassword", newPassword);
    }
    ui.submit("resetPassword.submit");
  }
}
