package io.authflow.e2e.device;

/** Appium could not start a session: unreachable, refused the capabilities, or no device. */
public final class SessionStartException extends RuntimeException {
  public SessionStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
