package io.authflow.e2e.steps;

import io.authflow.e2e.screens.AppMessages;
import io.authflow.e2e.userpool.UserPool;

/**
 * What the app should say for an outcome, and why. Most words come straight from the app profile;
 * what a user who never signed up is told depends on the pool's app client, so that is read from
 * the pool itself and the same feature passes against either setting.
 */
public final class ExpectedMessages {
  private static final MessageIntent UNKNOWN_USER = new MessageIntent("unknownUser");
  private static final MessageIntent WRONG_PASSWORD = new MessageIntent("wrongPassword");

  private final AppMessages messages;
  private final UserPool pool;

  public ExpectedMessages(AppMessages messages, UserPool pool) {
    this.messages = messages;
    this.pool = pool;
  }

  /** The words expected, with the reason the report shows. */
  public Expected of(MessageIntent intent) {
    if (!intent.equals(UNKNOWN_USER)) {
      var words = messages.words(intent.key());
      return new Expected(words.text(), "expected '" + words.text() + "' (" + words.source() + ")");
    }
    var client = pool.existenceErrors();
    var words = messages.words((client.hidden() ? WRONG_PASSWORD : UNKNOWN_USER).key());
    return new Expected(
        words.text(),
        "app client "
            + client.clientId()
            + " has PreventUserExistenceErrors "
            + client.setting()
            + (client.hidden()
                ? " → Cognito answers an unknown user as a wrong password"
                : " → Cognito says the user does not exist")
            + ": expected '"
            + words.text()
            + "' ("
            + words.source()
            + ")");
  }

  public record Expected(String text, String reason) {}
}
