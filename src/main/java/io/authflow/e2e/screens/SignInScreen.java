package io.authflow.e2e.screens;

/** The sign-in screen: where signed-out users land. */
public final class SignInScreen {
  static final LogicalName SCREEN = LogicalName.screen("signIn");
  static final LogicalName EMAIL = LogicalName.of("signIn.email");
  static final LogicalName PASSWORD = LogicalName.of("signIn.password");
  static final LogicalName SUBMIT = LogicalName.of("signIn.submit");
  static final LogicalName GO_TO_SIGN_UP = LogicalName.of("signIn.goToSignUp");
  static final LogicalName FORGOT_PASSWORD = LogicalName.of("signIn.forgotPassword");
  // Sign-in with a code sent by email instead of a password; apps that offer none leave it out.
  static final LogicalName WITH_EMAIL_CODE = LogicalName.ifMapped("signIn.withEmailCode");

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

  /** Whether the app offers sign-in with a code sent by email instead of a password. */
  public boolean offersEmailCode() {
    return ui.has(WITH_EMAIL_CODE);
  }

  /** Asks for a sign-in code by email for {@code email}, typing no password. */
  public void askForEmailCode(String email) {
    awaitShown();
    ui.type(EMAIL, email);
    ui.tap(WITH_EMAIL_CODE);
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
