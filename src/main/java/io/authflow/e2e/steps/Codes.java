package io.authflow.e2e.steps;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.inbox.CodeNotReceivedException;
import io.authflow.e2e.inbox.Inbox;
import io.authflow.e2e.inbox.OneTimeCode;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.screens.AuthMessages;
import io.authflow.e2e.userpool.EmailQuotaExceededException;
import java.time.Instant;

/**
 * The one-time codes of a scenario: marks when a code was asked for, so only a message sent after
 * that counts (a resent code, not the first one), and attaches the message read to the report.
 */
public final class Codes {
  private final Inbox inbox;
  private final HarnessConfig config;
  private final Evidence evidence;
  private final AppSession app;
  private final AuthMessages messages;
  private Instant requestedAt = Instant.now();
  private String replaced;

  public Codes(
      Inbox inbox, HarnessConfig config, Evidence evidence, AppSession app, AuthMessages messages) {
    this.inbox = inbox;
    this.config = config;
    this.evidence = evidence;
    this.app = app;
    this.messages = messages;
  }

  /** Call right before the action that sends a code. */
  public void expectNew() {
    requestedAt = Instant.now();
    replaced = null;
  }

  /**
   * Call right before asking for a code again: the next code must differ from {@code first}, or the
   * "new" code proves nothing (it could be the first one, still valid).
   */
  public void expectReplacing(String first) {
    expectNew();
    replaced = first;
  }

  public String awaitFor(String recipient) {
    // An alert already up saves waiting for a code that will not come.
    requireCodeNotRefused(recipient);
    OneTimeCode code;
    try {
      code = inbox.awaitCode(recipient, requestedAt, config.timeouts().code());
    } catch (CodeNotReceivedException e) {
      // No code is sent when the app never reached Cognito, or Cognito refused to send it: that,
      // not the inbox, is the cause.
      app.requireBackendReached("a one-time code for " + recipient);
      requireCodeNotRefused(recipient);
      throw e;
    }
    evidence.text("Message with the code, to " + recipient, code.message().asText());
    if (code.code().equals(replaced)) {
      throw new AssertionError(
          "The new code sent to "
              + recipient
              + " is the first code again: asking for a new code must send a different one.");
    }
    return code.code();
  }

  /**
   * Fails as an environment fault when the app shows Cognito's refusal for a spent daily email
   * quota (it shows Cognito's message as it came). Before the app started there is nothing to read,
   * and reading must not start it.
   */
  private void requireCodeNotRefused(String recipient) {
    if (!app.started()) {
      return;
    }
    messages
        .shownError()
        .filter(EmailQuotaExceededException::isCognitoRefusal)
        .ifPresent(
            shown -> {
              throw new EmailQuotaExceededException(
                  recipient, shown, config.userPool().hasEndpointOverride());
            });
  }
}
