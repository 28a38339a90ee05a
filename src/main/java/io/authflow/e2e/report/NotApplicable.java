package io.authflow.e2e.report;

import org.opentest4j.TestAbortedException;

/**
 * A scenario that cannot apply to the pool or app it runs against, e.g. one that waits for a
 * session to expire on a pool whose sessions outlive what the run may wait. It is reported as not
 * run, with the reason read from the pool and how to make it apply: never a pass that proved
 * nothing, never a failure of the app. Cucumber files it as skipped; the console's line for the
 * scenario and the reports show the reason.
 */
public final class NotApplicable {
  public static final String PREFIX = "Does not apply here: ";

  private NotApplicable() {}

  /** The scenario's end: attaches the reason as evidence and returns the skip to throw. */
  public static TestAbortedException because(Evidence evidence, String reason) {
    evidence.text("Does not apply here", reason);
    return new TestAbortedException(PREFIX + reason);
  }
}
