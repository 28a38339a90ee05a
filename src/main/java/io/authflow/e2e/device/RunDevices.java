package io.authflow.e2e.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * What the device layer keeps for the whole run, across scenarios: each worker thread's device
 * (from target.udids), each worker's session when target.sessionPerWorker is on, and the app
 * reference an upload returned.
 *
 * <p>{@link AppSession} lives for one scenario (PicoContainer), so a session that outlives the
 * scenario cannot be its field. Cucumber runs a worker's scenarios on one thread, so the thread is
 * the worker's key. Kept sessions end in {@link #closeAll()}, at run end or, failing that, at JVM
 * exit: a farm bills an abandoned session until its idle timeout.
 */
public final class RunDevices {
  private static final RunDevices SHARED = new RunDevices();

  private final Map<Thread, String> udids = new ConcurrentHashMap<>();
  private final Map<Thread, WebDriver> kept = new ConcurrentHashMap<>();
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  private boolean closeAtExit;

  RunDevices() {}

  public static RunDevices shared() {
    return SHARED;
  }

  /** The device this worker is bound to: the next free one of {@code all}, then always the same. */
  synchronized Optional<String> udid(List<String> all) {
    if (all.isEmpty()) {
      return Optional.empty();
    }
    String mine = udids.get(Thread.currentThread());
    if (mine == null) {
      List<String> free = new ArrayList<>(all);
      free.removeAll(udids.values());
      if (free.isEmpty()) {
        throw new SessionStartException(
            "Worker "
                + Thread.currentThread().getName()
                + " needs a device, but all "
                + all.size()
                + " in target.udids are bound to other workers; run at most "
                + all.size()
                + " workers (cucumber.execution.parallel.config.fixed.parallelism) or add"
                + " devices.",
            null);
      }
      mine = free.get(0);
      udids.put(Thread.currentThread(), mine);
    }
    return Optional.of(mine);
  }

  /**
   * This worker's session: started by {@code start} the first time, then handed to each later
   * scenario after {@code reset}. A session the server ended meanwhile (its idle timeout) is
   * replaced instead of failing the scenario.
   */
  @SuppressWarnings("unchecked") // Only kept(…) puts drivers in, and a run has one driver type.
  <D extends WebDriver> D kept(Supplier<D> start, Consumer<D> reset) {
    D driver = (D) kept.get(Thread.currentThread());
    if (driver != null) {
      try {
        reset.accept(driver);
        return driver;
      } catch (WebDriverException e) {
        quietlyQuit(driver);
      }
    }
    driver = start.get();
    kept.put(Thread.currentThread(), driver);
    closeAtExit();
    return driver;
  }

  /** The upload's answer for {@code key}, uploading once per run however many workers ask. */
  String uploaded(String key, Supplier<String> upload) {
    return uploads.computeIfAbsent(key, k -> upload.get());
  }

  /** Ends every kept session; the run's end calls it, and so does JVM exit. */
  public void closeAll() {
    kept.values().forEach(RunDevices::quietlyQuit);
    kept.clear();
  }

  private synchronized void closeAtExit() {
    if (!closeAtExit) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "authflow-close-sessions"));
      closeAtExit = true;
    }
  }

  private static void quietlyQuit(WebDriver driver) {
    try {
      driver.quit();
    } catch (WebDriverException e) {
      // Already gone (the server's own timeout); nothing is left to end.
    }
  }
}
