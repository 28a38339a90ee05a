package io.authflow.e2e.parts;

/**
 * A part of the local stack stopped while the run used it: an environment fault, named with the
 * part, its exit code and its log's last lines. Not the app's fault, whatever the screen showed.
 */
public final class LocalPartStoppedException extends RuntimeException {
  LocalPartStoppedException(String message) {
    // No stack trace: the cause is the dead part, not where the harness noticed it.
    super(message, null, false, false);
  }
}
