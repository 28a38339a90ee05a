package io.authflow.e2e.userpool;

/**
 * A destructive call the safety guard refused: the pool is not disposable, or the user is no test
 * user.
 */
public final class UnsafePoolOperationException extends RuntimeException {
  public UnsafePoolOperationException(String message) {
    super(message);
  }
}
