package io.authflow.e2e.parts;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Threads of the harness's own background work (resets, watched calls, a stack's start), named for
 * thread dumps and never keeping the JVM alive: what they serve ends with the run, or with the JVM.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Daemon threads named {@code name}, for an executor. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs each task on a new daemon thread named {@code name}: one-off work beside the caller's. */
  public static Executor ownThread(String name) {
    ThreadFactory threads = named(name);
    return task -> threads.newThread(task).start();
  }
}
