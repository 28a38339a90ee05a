package io.authflow.e2e.screens;

import java.util.List;
import java.util.Optional;

/**
 * The error and notice any auth screen shows (auth.error, auth.info), and the messages some apps
 * show next to a field instead (auth.fieldError).
 */
public final class AuthMessages {
  private final Ui ui;

  public AuthMessages(Ui ui) {
    this.ui = ui;
  }

  /** The alert's text if it is shown right now (an app without one shows none). */
  public Optional<String> shownError() {
    return ui.has(Ui.ERROR) ? ui.textIfShown(Ui.ERROR) : Optional.empty();
  }

  public String awaitError() {
    return ui.awaitText(Ui.ERROR);
  }

  /**
   * Waits until the alert, a notice or a message next to a field says {@code expected}; returns
   * every message shown then (or at the timeout), for the caller to compare.
   */
  public List<String> awaitMessage(String expected) {
    return ui.awaitAnyText(List.of(Ui.ERROR, Ui.INFO, Ui.FIELD_ERROR), expected);
  }
}
