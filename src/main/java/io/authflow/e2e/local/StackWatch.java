package io.authflow.e2e.local;

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
 * Watches the running local stack's parts, so a part that dies is named the moment it matters:
 * {@link #check()} throws {@link LocalPartStoppedException} ("the Cognito stand-in stopped (exit
 * code …)") once any part has stopped, and keeps throwing the same cause for the rest of the run,
 * so every later step fails at once instead of waiting out its timeout. Without a local stack (a
 * remote target) it never throws.
 */
public final class StackWatch {
  // How often a guarded call looks at the stack while it waits; a process check is cheap.
  private static final Duration LOOK_EVERY = Duration.ofMillis(100);
  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "authflow-watched-call");
            thread.setDaemon(true);
            return thread;
          });
  private static volatile Object watched;
  private static volatile Supplier<Optional<String>> stoppedPart = Optional::empty;
  private static volatile String cause;

  private StackWatch() {}

  static void watch(LocalStack stack) {
    watch(stack, stack::stoppedPart);
  }

  /** {@code stoppedPart} names the first part of {@code stack} found stopped. */
  static synchronized void watch(Object stack, Supplier<Optional<String>> stoppedPart) {
    StackWatch.stoppedPart = stoppedPart;
    watched = stack;
    cause = null;
  }

  /** A stack stopped on purpose is no fault. */
  static synchronized void unwatch(Object stack) {
    if (watched == stack) {
      watched = null;
      stoppedPart = Optional::empty;
      cause = null;
    }
  }

  /** Throws if a part of the local stack has stopped; the first death is the cause from then on. */
  public static void check() {
    String known = cause;
    if (known == null) {
      known = stoppedPart.get().orElse(null);
      if (known != null) {
        cause = known;
      }
    }
    if (known != null) {
      throw new LocalPartStoppedException(known);
    }
  }

  /**
   * {@code target} behind a proxy whose every call fails at once with the dead part's name: while
   * it waits (an inbox waiting for a code, an SDK call retrying a refused connection), and when it
   * failed because the part was gone.
   */
  @SuppressWarnings("unchecked")
  public static <T> T guard(Class<T> type, T target) {
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
                } catch (LocalPartStoppedException dead) {
                  call.cancel(true);
                  throw dead;
                }
              }
            }
          } catch (ExecutionException e) {
            check();
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
