package io.authflow.e2e.inbox;

import java.time.Duration;
import java.time.Instant;

/** Where one-time codes arrive: an email address or a mobile number. */
public interface Inbox {

  /**
   * Waits for the first message to {@code recipient} received at or after {@code since} and returns
   * the code in it.
   *
   * @throws CodeNotReceivedException when none arrives within {@code timeout}
   */
  OneTimeCode awaitCode(String recipient, Instant since, Duration timeout);

  /** Deletes what was sent to {@code recipient}, so nothing of a scenario stays in the inbox. */
  void clear(String recipient);
}
