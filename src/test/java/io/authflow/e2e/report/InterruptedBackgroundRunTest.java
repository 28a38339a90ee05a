package io.authflow.e2e.report;

/**
 * The same Ctrl-C, to a run started in the background by a script: its JVM starts with SIGINT
 * ignored, and keeps it so, while the stack's Node parts stop on the signal. Nothing after it is
 * judged all the same (RunInterruption hears it through a relay).
 */
class InterruptedBackgroundRunTest extends InterruptedRunTest {
  @Override
  boolean startedInTheBackground() {
    return true;
  }
}
