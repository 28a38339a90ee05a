package io.authflow.e2e.doctor;

/**
 * One line of the checklist: what was checked, what was seen, and the fix when it failed or warns
 * (a warning passes: the suite can run, but something may end it early).
 */
public record CheckResult(String check, boolean passed, String detail, String fix) {

  public static CheckResult pass(String check, String detail) {
    return new CheckResult(check, true, detail, "");
  }

  public static CheckResult fail(String check, String detail, String fix) {
    return new CheckResult(check, false, detail, fix);
  }

  public static CheckResult warn(String check, String detail, String fix) {
    return new CheckResult(check, true, detail, fix);
  }

  boolean warning() {
    return passed && !fix.isEmpty();
  }

  String render() {
    return (warning() ? "  ⚠ " : passed ? "  ✔ " : "  ✘ ")
        + check
        + ": "
        + detail
        + (fix.isEmpty() ? "" : "\n      Fix: " + fix);
  }
}
