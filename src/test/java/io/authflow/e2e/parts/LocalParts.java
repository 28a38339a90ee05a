package io.authflow.e2e.parts;

/** For tests outside this package: the failure the harness raises for a dead local part. */
public final class LocalParts {
  private LocalParts() {}

  public static LocalPartStoppedException stopped(String message) {
    return new LocalPartStoppedException(message);
  }
}
