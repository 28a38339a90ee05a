package io.authflow.e2e.screens;

/** The sign-in screen: where signed-out users land. */
public final class SignInScreen {
  private final Ui ui;

  public SignInScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen("signIn");
  }

  public void signIn(String email, String password) {
    awaitShown();
    ui.type("signIn.email", email);
    ui.type("signIn.password", password);
    ui.tap("signIn.submit");
  }

  public void goToSignUp() {
    awaitShown();
    ui.tap("signIn.goToSignUp");
  }

  public void forgotPassword() {
    awaitShown();
    ui.tap("signIn.forgotPassword");
  }
}
