package io.authflow.e2e.config;

/**
 * Which inbox receives the codes, and the pattern that finds a code in a message; {@code serverId}
 * is the Mailosaur server (inbox) that test addresses and numbers deliver to.
 */
public record InboxConfig(InboxType type, String codePattern, String serverId) {

  public enum InboxType {
    SMTP,
    MAILOSAUR
  }
}
