package io.authflow.e2e.inbox;

/** The inbox service could not be used: refused key, unknown server, outage, unreachable. */
public final class InboxUnavailableException extends RuntimeException {
  public InboxUnavailableException(String message) {
    super(message);
  }
}
