package io.authflow.e2e.report;

import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs inside Maven's own JVM (exec:java, just before the features start): on the first SIGINT or
 * SIGTERM the build does not end at once but passes the signal on to the features' JVM (SIGTERM;
 * with Ctrl-C it has the SIGINT already) and waits for it to wind down ({@link RunInterruption}),
 * so that JVM's last console line reaches the terminal through Maven, and the report is made the
 * interrupted way. A second signal ends the build at once, as without this.
 */
public final class HoldTheBuildOnSignal {
  private HoldTheBuildOnSignal() {}

  public static void main(String[] args) {
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), HoldTheBuildOnSignal::passOn);
      } catch (IllegalArgumentException reserved) {
        // Maven's JVM keeps the signal (ignored by its parent, or -Xrs): its default stands.
      }
    }
  }

  private static void passOn(Signal signal) {
    Signal.handle(signal, SignalHandler.SIG_DFL);
    // The forked JVMs (failsafe's), not their children: the local stack's parts are stopped by
    // the features' JVM, and already have the signal when it came from the terminal.
    long self = ProcessHandle.current().pid();
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .filter(p -> p.parent().map(parent -> parent.pid() == self || notJava(parent)).orElse(true))
        .forEach(ProcessHandle::destroy);
  }

  private static boolean notJava(ProcessHandle process) {
    return !process.info().command().map(c -> c.endsWith("/java")).orElse(false);
  }
}
