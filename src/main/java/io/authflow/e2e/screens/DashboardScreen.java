package io.authflow.e2e.screens;

/** The main screen behind the auth wall. */
public final class DashboardScreen {
  static final LogicalName SCREEN = LogicalName.screen("dashboard");
  static final LogicalName USER_EMAIL = LogicalName.of("dashboard.userEmail");
  static final LogicalName SIGN_OUT = LogicalName.of("dashboard.signOut");

  private final Ui ui;

  public DashboardScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen(SCREEN);
  }

  public String signedInEmail() {
    awaitShown();
    return ui.awaitText(USER_EMAIL);
  }

  public void signOut() {
    awaitShown();
    ui.tap(SIGN_OUT);
  }
}
