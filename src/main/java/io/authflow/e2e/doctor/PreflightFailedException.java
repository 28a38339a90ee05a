package io.authflow.e2e.doctor;

/** The environment cannot run the suite; the message is the checklist with a fix per failure. */
public final class PreflightFailedException extends RuntimeException {
  public PreflightFailedException(Checklist checklist) {
    // No stack trace: the checklist says what to fix; where the harness noticed it does not.
    super(checklist.render(), null, false, false);
  }
}
