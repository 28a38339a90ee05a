package io.authflow.e2e.doctor;

/** One line of the checklist: what was checked, what was seen, and the fix when it failed. */
public record CheckResult(String check, boolean passed, String detail, String fix) {

  public static CheckResult pass(String check, String detail) {
    return new CheckResult(check, true, detail, "");
  }

  public static CheckResult fail(String check, String detail, String fix) {
    return new CheckResult(check, false, detail, fix);
  }

  String render() {
    return (passed ? "  ✔ " : "  ✘ ")
        + check
        + ": "
        + detail
        + (passed || fix.isEmpty() ? "" : "\n      Fix: " + fix);
  }
}
