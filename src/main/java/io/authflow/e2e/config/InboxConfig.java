package io.authflow.e2e.config;

/**
 * Which inbox receives the codes, and the pattern that finds a code in a message; {@code serverId}
 * is the Mailosaur server (inbox) that test addresses and numbers deliver to; {@code apiUrl} the
 * Mailosaur API's base URL, empty for Mailosaur's own.
 */
public record InboxConfig(InboxType type, String codePattern, String serverId, String apiUrl) {

  /** The base URL for Mailosaur's client; null lets the client use Mailosaur's own. */
  public String apiUrlOrNull() {
    return apiUrl.isEmpty() ? null : apiUrl;
  }

  public enum InboxType {
    SMTP,
    MAILOSAUR
  }
}
