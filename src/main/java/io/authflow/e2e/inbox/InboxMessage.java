package io.authflow.e2e.inbox;

import java.time.Instant;

/** A received email or SMS, as much of it as the report needs. */
public record InboxMessage(String to, String from, String subject, String body, Instant received) {

  /** The message as a report shows it. */
  public String asText() {
    return "To: "
        + to
        + "\nFrom: "
        + from
        + "\nSubject: "
        + subject
        + "\nReceived: "
        + received
        + "\n\n"
        + body;
  }
}
