package io.authflow.e2e.screens;

/** The main screen behind the auth wall. */
public final class DashboardScreen {
  private final Ui ui;

  public DashboardScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen("dashboard");
  }

  public String signedInEmail() {
    awaitShown();
    return ui.awaitText("dashboard.userEmail");
  }

  public void signOut() {
    awaitShown();
    ui.tap("dashboard.signOut");
  }
}
