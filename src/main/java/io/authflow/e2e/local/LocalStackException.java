package io.authflow.e2e.local;

/**
 * A part of the local stack failed to start; the message names the part and shows its log's tail.
 */
public final class LocalStackException extends RuntimeException {
  public LocalStackException(String message, Throwable cause) {
    super(message, cause);
  }

  public LocalStackException(String message) {
    super(message);
  }
}
