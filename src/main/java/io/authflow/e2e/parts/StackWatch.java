package io.authflow.e2e.parts;

import io.authflow.e2e.report.RunInterruption;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Watches the parts the run depends on ({@link StackHealth}: the local stack's, or a remote
 * Appium), so a part that dies is named the moment it matters: {@link #check()} throws {@link
 * LocalPartStoppedException} ("the Cognito stand-in stopped (exit code …)") once any part has
 * stopped, and keeps throwing the same cause for the rest of the run, so every later step fails at
 * once instead of waiting out its timeout. One per run, made by the run's context ({@code
 * RunContext}) and handed to the screens, the devices and the steps; a watch that watches nothing
 * (a farm) never throws.
 */
public final class StackWatch {
  // How often a guarded call looks at the stack while it waits; a process check is cheap.
  private static final Duration LOOK_EVERY = Duration.ofMillis(100);
  // Threads for guarded calls, holding no state of any run: one pool serves every watch.
  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(DaemonThreads.named("authflow-watched-call"));
  private volatile Object watched;
  private volatile Supplier<Optional<String>> stoppedPart = Optional::empty;
  private volatile Supplier<Optional<String>> unhealthyPart = Optional::empty;
  private volatile String cause;

  /** A watch on nothing yet: it never throws until told what to {@link #watch(StackHealth)}. */
  public StackWatch() {}

  /** A watch on {@code stack}, started already. */
  public static StackWatch of(StackHealth stack) {
    var watch = new StackWatch();
    watch.watch(stack);
    return watch;
  }

  /** Watches {@code stack} from now on: the run's stack, whose death fails every later step. */
  public void watch(StackHealth stack) {
    watch(stack, stack::stoppedPart, stack::unhealthyPart);
  }

  /**
   * {@code stoppedPart} names the first part of {@code stack} found stopped (a cheap look at the
   * processes), {@code unhealthyPart} also the first that no longer answers (a request each).
   */
  synchronized void watch(
      Object stack,
      Supplier<Optional<String>> stoppedPart,
      Supplier<Optional<String>> unhealthyPart) {
    this.stoppedPart = stoppedPart;
    this.unhealthyPart = unhealthyPart;
    watched = stack;
    cause = null;
  }

  /**
   * Watches an Appium server this run did not start (target.appium): after a failure it is asked
   * for /status, and one that no longer answers becomes the cause of this and every later step. Not
   * for farms: their hubs answer for many servers, and a dead session there is not a dead hub.
   */
  public void watchRemoteAppium(String url, Duration timeout) {
    String base = url.endsWith("/") ? url : url + "/";
    watch(base, Optional::empty, () -> remoteAppiumDown(base, timeout));
  }

  private static Optional<String> remoteAppiumDown(String base, Duration timeout) {
    var client = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      var answer =
          client.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "status"))
                  .timeout(timeout)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          ? Optional.empty()
          : Optional.of(
              "Appium at "
                  + base
                  + " stopped answering (/status gave HTTP "
                  + answer.statusCode()
                  + "). The run cannot go on without it: every later step fails with this cause.");
    } catch (java.io.IOException e) {
      return Optional.of(
          "Appium at "
              + base
              + " stopped answering ("
              + e
              + "). The run cannot go on without it: every later step fails with this cause.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A stack stopped on purpose is no fault. */
  public synchronized void unwatch(Object stack) {
    if (java.util.Objects.equals(watched, stack)) {
      watched = null;
      stoppedPart = Optional::empty;
      unhealthyPart = Optional::empty;
      cause = null;
    }
  }

  /** Throws if a part of the local stack has stopped; the first death is the cause from then on. */
  public void check() {
    String known = cause;
    if (known != null) {
      throw failure(known, RunInterruption.interrupted());
    }
    stoppedPart.get().ifPresent(this::found);
  }

  /**
   * For a failure that may come from a dying part (a refused connection, an empty answer): throws
   * the part's cause if a part stopped or no longer answers, so the failure is blamed on it rather
   * than on the app. Returns when every part answers.
   */
  public void checkAfterFailure() {
    check();
    unhealthyPart.get().ifPresent(this::found);
  }

  /** Throws the cause: {@code part}, found stopped or not answering, unless another came first. */
  private void found(String part) {
    String known;
    synchronized (this) {
      if (cause == null) {
        cause = part;
      }
      known = cause;
    }
    // The signal that interrupts a run can stop a part before this JVM hears it: given its time
    // once, here, where the part is found.
    throw failure(known, RunInterruption.interruptedOnceHeard());
  }

  private static RuntimeException failure(String part, boolean interrupted) {
    // The signal that interrupts a run stops the parts too: that is not the part's fault.
    return interrupted ? RunInterruption.notJudged(part) : new LocalPartStoppedException(part);
  }

  /**
   * {@code target} behind a proxy whose every call fails at once with the dead part's name: while
   * it waits (an inbox waiting for a code, an SDK call retrying a refused connection), and when it
   * failed because the part was gone.
   */
  @SuppressWarnings("unchecked")
  public <T> T guard(Class<T> type, T target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
          }
          // No look before the call: one that needs no dead part (clearing the in-JVM inbox)
          // still works; one that does fails within a look.
          Future<Object> call =
              CALLS.submit(
                  () -> {
                    try {
                      return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                      throw rethrowable(e.getCause());
                    }
                  });
          try {
            while (true) {
              try {
                return call.get(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
              } catch (TimeoutException stillRunning) {
                try {
                  check();
                } catch (RuntimeException dead) { // the part's, or not judged after a signal
                  call.cancel(true);
                  throw dead;
                }
              }
            }
          } catch (ExecutionException e) {
            checkAfterFailure();
            throw e.getCause();
          } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
          }
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Exception rethrowable(Throwable t) {
    if (t instanceof Exception e) {
      return e;
    }
    throw (Error) t;
  }
}
