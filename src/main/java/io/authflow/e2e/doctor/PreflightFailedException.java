package io.authflow.e2e.doctor;

/** The environment cannot run the suite; the message is the checklist with a fix per failure. */
public final class PreflightFailedException extends RuntimeException {
  public PreflightFailedException(Checklist checklist) {
    super(checklist.render());
  }
}
