package io.authflow.e2e.inbox;

/** A code and the message it came in (kept as evidence for the report). */
public record OneTimeCode(String code, InboxMessage message) {}
