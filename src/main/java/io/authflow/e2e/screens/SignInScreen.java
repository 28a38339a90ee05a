package io.authflow.e2e.screens;

/** The sign-in screen: where signed-out users land. */
public final class SignInScreen {
  static final LogicalName SCREEN = LogicalName.screen("signIn");
  static final LogicalName EMAIL = LogicalName.of("signIn.email");
  static final LogicalName PASSWORD = LogicalName.of("signIn.password");
  static final LogicalName SUBMIT = LogicalName.of("signIn.submit");
  static final LogicalName GO_TO_SIGN_UP = LogicalName.of("signIn.goToSignUp");
  static final LogicalName FORGOT_PASSWORD = LogicalName.of("signIn.forgotPassword");

  private final Ui ui;

  public SignInScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen(SCREEN);
  }

  public void signIn(String email, String password) {
    awaitShown();
    ui.type(EMAIL, email);
    ui.type(PASSWORD, password);
    ui.tap(SUBMIT);
  }

  public void goToSignUp() {
    awaitShown();
    ui.tap(GO_TO_SIGN_UP);
  }

  public void forgotPassword() {
    awaitShown();
    ui.tap(FORGOT_PASSWORD);
  }
}
