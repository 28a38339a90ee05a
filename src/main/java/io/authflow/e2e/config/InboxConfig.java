package io.authflow.e2e.config;

/** Which inbox receives the codes, and the pattern that finds a code in a message. */
public record InboxConfig(InboxType type, String codePattern) {

  public enum InboxType {
    SMTP,
    MAILOSAUR
  }
}
