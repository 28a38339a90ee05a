package io.authflow.e2e.rehearsal;

import io.authflow.e2e.local.RunReaper;
import io.authflow.e2e.report.SigintRelay;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ends a stack that runs until stopped (mvn -Plocal-stack) on Ctrl-C (SIGINT), SIGTERM or SIGHUP:
 * the first signal stops its parts, all at once, and whatever of the run is still alive after
 * {@code within} is killed; the same signal again kills everything of the run at once. Either way
 * the JVM ends with 128 + the signal's number, as a shell reports it.
 *
 * <p>The JVM's own handling (shutdown hooks) cannot do this: a second Ctrl-C during the hooks is
 * ignored. sun.misc.Signal (module jdk.unsupported) is the JDK's supported way to take a signal.
 */
final class StopOnSignal {
  private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
  private static final int SIGINT = 2;

  private final Runnable stop;
  private final Duration within;
  private final AtomicReference<String> first = new AtomicReference<>();

  private StopOnSignal(Runnable stop, Duration within) {
    this.stop = stop;
    this.within = within;
  }

  /** Handles the signals from now on; {@code stop} stops the stack (it may take longer). */
  static void install(Runnable stop, Duration within) {
    StopOnSignal handler = new StopOnSignal(stop, within);
    for (String name : new String[] {"INT", "TERM", "HUP"}) {
      Signal.handle(new Signal(name), s -> handler.received(s.getName(), s.getNumber()));
    }
    if (SigintRelay.sigintIgnored()) {
      // A shell without job control (a script's `mvn … &`) starts commands with SIGINT ignored,
      // and the JVM keeps it so: the handler above never runs. The relay hears it instead.
      handler.relaySigint();
    }
  }

  private void received(String signal, int number) {
    if (!first.compareAndSet(null, signal)) {
      if (first.get().equals(signal)) {
        System.out.println("Stopping at once (SIG" + signal + " again).");
        endNow(number);
      }
      // Another signal while stopping: Maven sends SIGTERM to this JVM when Ctrl-C reaches it
      // too; the stop under way already answers it.
      return;
    }
    System.out.println("Stopping (SIG" + signal + "); the same signal again stops at once.");
    Thread stopping =
        new Thread(
            () -> {
              Thread parts = new Thread(stop, "stack-parts-stop");
              parts.setDaemon(true);
              parts.start();
              try {
                parts.join(within.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (parts.isAlive()) {
                System.out.println(
                    "Not every part stopped within "
                        + within.toSeconds()
                        + " s: killing the rest.");
              }
              endNow(number);
            },
            "stack-stop-on-signal");
    stopping.setDaemon(true);
    stopping.start();
  }

  /** Kills what is left of the run (its marked processes), drops its record, and ends the JVM. */
  private static void endNow(int signal) {
    try {
      RunReaper.current().close();
    } finally {
      System.out.flush();
      // halt, not exit: the shutdown hooks would stop the parts again, one after another.
      Runtime.getRuntime().halt(128 + signal);
    }
  }

  private void relaySigint() {
    try {
      SigintRelay.start(RunReaper.current().environment(), () -> received("INT", SIGINT));
    } catch (IOException e) {
      LOG.warn(
          "SIGINT is ignored in this process (started in the background by a script) and no"
              + " relay could start ({}): stop it with SIGTERM, e.g. kill -TERM -- -<Maven's pid>.",
          e.getMessage());
    }
  }
}
