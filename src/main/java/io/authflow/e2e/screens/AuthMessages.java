package io.authflow.e2e.screens;

import java.util.Optional;

/** The error and notice any auth screen shows (testIDs auth.error and auth.info). */
public final class AuthMessages {
  private final Ui ui;

  public AuthMessages(Ui ui) {
    this.ui = ui;
  }

  public String awaitError() {
    return ui.awaitText("auth.error");
  }

  /** The error shown right now, if any; ask only after the next screen has shown. */
  public Optional<String> errorShown() {
    return ui.textIfShown("auth.error");
  }

  public String awaitNotice() {
    return ui.awaitText("auth.info");
  }
}
