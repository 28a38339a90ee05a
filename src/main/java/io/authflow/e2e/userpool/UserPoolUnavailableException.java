package io.authflow.e2e.userpool;

/** The Cognito admin API could not be used: unreachable, wrong pool id, or missing permissions. */
public final class UserPoolUnavailableException extends RuntimeException {
  public UserPoolUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
