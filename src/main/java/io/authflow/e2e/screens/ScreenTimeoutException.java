package io.authflow.e2e.screens;

/** A screen or element did not show in time; the message says which, where, and what showed. */
public final class ScreenTimeoutException extends RuntimeException {
  public ScreenTimeoutException(String message) {
    super(message);
  }
}
