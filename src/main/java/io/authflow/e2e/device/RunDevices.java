package io.authflow.e2e.device;

import io.authflow.e2e.parts.DaemonThreads;
import io.authflow.e2e.report.RunInterruption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * What the device layer keeps for the whole run, across scenarios: the devices of target.udids, the
 * sessions kept when target.sessionPerWorker is on, and the app reference an upload returned.
 *
 * <p>{@link AppSession} lives for one scenario (PicoContainer), so a session that outlives the
 * scenario cannot be its field. Each scenario takes a {@link Lease}: a free device, and an idle
 * kept session of that device, both handed back when the scenario ends. Leases, not threads, are
 * the unit: JUnit's pool may run a worker's scenarios on threads it retires and adds, and a
 * scenario holds what it uses for exactly as long as it runs. Kept sessions end in {@link
 * #closeAll()}, at run end or, failing that, at JVM exit: a farm bills an abandoned session until
 * its idle timeout. One per run, made by the run's context and handed to each scenario's session.
 *
 * <p>Each app session of a scenario has a lease of its own: a scenario with a second device (their
 * other device) holds two kept sessions and hands both back, for the next scenario that needs two.
 * One left idle longer than its server's newCommandTimeout is ended by the server, and replaced
 * when a scenario next takes it.
 *
 * <p>A kept session handed back after a passed scenario is reset at once, on a thread of its own,
 * while the harness finishes that scenario (reports, deleting its users) and seeds the next: the
 * next scenario waits only for what is left of the reset, not for all of it.
 */
public final class RunDevices {
  private static final String ANY_DEVICE = "";

  private final Set<String> leasedUdids = new HashSet<>();
  // Kept sessions no scenario holds, by the device they run on (ANY_DEVICE without udids).
  private final Map<String, Deque<Idle>> idle = new HashMap<>();
  private final Set<WebDriver> kept = ConcurrentHashMap.newKeySet();
  private final Map<String, String> uploads = new ConcurrentHashMap<>();
  // Where kept sessions go at run end instead of quitting, for the next run in this JVM; or null.
  private final Deque<WebDriver> shelf;
  private final ExecutorService resets =
      Executors.newCachedThreadPool(DaemonThreads.named("authflow-session-reset"));
  private boolean closeAtExit;

  /**
   * A kept session no scenario holds, and its reset under way since it was handed back; null when
   * it is reset as it is taken (a session from the shelf, idle for as long as the user waited).
   */
  private record Idle(WebDriver session, Future<?> reset, Instant handedBack) {}

  public RunDevices() {
    this(null);
  }

  /**
   * Devices whose kept sessions of the browser build (no udid) come from {@code shelf} and go back
   * to it at run end, for the next run in this JVM: the warm JVM's reruns. Each is reset before a
   * scenario uses it, as between scenarios, and replaced if its server ended it meanwhile.
   */
  public RunDevices(Deque<WebDriver> shelf) {
    this.shelf = shelf;
    if (shelf != null) {
      synchronized (shelf) {
        for (WebDriver session; (session = shelf.poll()) != null; ) {
          kept.add(session);
          idle.computeIfAbsent(ANY_DEVICE, d -> new ArrayDeque<>())
              .push(new Idle(session, null, Instant.now()));
        }
      }
    }
  }

  /** A scenario's claim on a device and a kept session; {@link Lease#release()} hands both back. */
  Lease lease() {
    return new Lease();
  }

  /** The upload's answer for {@code key}, uploading once per run however many scenarios ask. */
  String uploaded(String key, Supplier<String> upload) {
    return uploads.computeIfAbsent(key, k -> upload.get());
  }

  /**
   * Ends every kept session, but puts the idle ones of the browser build on the shelf if there is
   * one; the run's end calls it, and so does JVM exit.
   */
  public void closeAll() {
    List<Idle> handedBack = new ArrayList<>();
    List<Idle> shelved = new ArrayList<>();
    synchronized (this) {
      idle.values().forEach(handedBack::addAll);
      // Not after an interrupted run: its sessions' drivers would file the next run's failures as
      // not run, as they do this run's (InterruptibleDriver asks the run that made them).
      if (shelf != null && !RunInterruption.interrupted()) {
        shelved.addAll(idle.getOrDefault(ANY_DEVICE, new ArrayDeque<>()));
      }
      idle.clear();
      // A session handed back from now on (a scenario cut short by Ctrl-C) is quit, not reset.
      resets.shutdown();
    }
    // A reset under way stops after its current command: a quit would wait behind the rest of it,
    // and a shelved session is reset again as the next run takes it.
    for (Idle session : handedBack) {
      if (session.reset() != null) {
        session.reset().cancel(true);
      }
    }
    if (!shelved.isEmpty()) {
      synchronized (shelf) {
        shelved.forEach(i -> shelf.add(i.session()));
      }
      shelved.forEach(i -> kept.remove(i.session()));
    }
    kept.forEach(RunDevices::quietlyQuit);
    kept.clear();
  }

  /** One scenario's device and kept session. */
  final class Lease {
    private String udid;
    private WebDriver session;
    // How the kept session is reset when handed back: the scenario's own, for its platform.
    private Consumer<WebDriver> reset;

    private Lease() {}

    /** This scenario's device: a free one of {@code all}, then the same until released. */
    Optional<String> udid(List<String> all) {
      if (all.isEmpty()) {
        return Optional.empty();
      }
      synchronized (RunDevices.this) {
        if (udid == null) {
          List<String> free = new ArrayList<>(all);
          free.removeAll(leasedUdids);
          if (free.isEmpty()) {
            throw new SessionStartException(
                "A scenario needs a device, but all "
                    + all.size()
                    + " in target.udids are in use by other scenarios; run at most "
                    + all.size()
                    + " workers (cucumber.execution.parallel.config.fixed.parallelism) or add"
                    + " devices.",
                null);
          }
          udid = free.get(0);
          leasedUdids.add(udid);
        }
        return Optional.of(udid);
      }
    }

    /** Whether {@code driver} is this lease's kept session, to hand back rather than quit. */
    boolean keeps(WebDriver driver) {
      return driver != null && driver == session && kept.contains(driver);
    }

    /**
     * An idle kept session of this lease's device, once reset; else a new one from {@code start}. A
     * session handed back more than {@code idle} ago is reset again as it is taken, and one the
     * server ended meanwhile (its idle timeout) is replaced instead of failing the scenario.
     */
    @SuppressWarnings("unchecked") // Only kept(…) puts drivers in, and a run has one driver type.
    <D extends WebDriver> D kept(Supplier<D> start, Consumer<D> reset, Duration idle) {
      if (session != null) {
        return (D) session;
      }
      this.reset = d -> reset.accept((D) d);
      for (Idle next; (next = takeIdle()) != null; ) {
        D driver = (D) next.session();
        try {
          if (next.reset() != null) {
            awaitReset(next.reset());
          }
          if (next.reset() == null
              || Duration.between(next.handedBack(), Instant.now()).compareTo(idle) > 0) {
            reset.accept(driver);
          }
          session = driver;
          return driver;
        } catch (WebDriverException e) {
          kept.remove(driver);
          quietlyQuit(driver);
        }
      }
      D driver = start.get();
      kept.add(driver);
      closeAtExit();
      session = driver;
      return driver;
    }

    /** Hands the device and the kept session back for the next scenario. */
    void release() {
      synchronized (RunDevices.this) {
        if (session != null && kept.contains(session) && !resets.isShutdown()) {
          WebDriver handedBack = session;
          Consumer<WebDriver> resetting = reset;
          idle.computeIfAbsent(device(), d -> new ArrayDeque<>())
              .push(
                  new Idle(
                      handedBack,
                      resets.submit(() -> resetting.accept(handedBack)),
                      Instant.now()));
        }
        if (udid != null) {
          leasedUdids.remove(udid);
        }
      }
      session = null;
      udid = null;
    }

    /**
     * Ends the kept session instead of handing it back (after a failed scenario, whose app state is
     * not worth resetting), then releases the device: the next scenario starts a new session.
     */
    void discard() {
      if (session != null && kept.remove(session)) {
        quietlyQuit(session);
      }
      session = null;
      release();
    }

    private Idle takeIdle() {
      synchronized (RunDevices.this) {
        Deque<Idle> sessions = idle.get(device());
        return sessions == null ? null : sessions.poll();
      }
    }

    private String device() {
      return udid == null ? ANY_DEVICE : udid;
    }
  }

  private synchronized void closeAtExit() {
    // A shelf's JVM outlives the run and ends its sessions itself.
    if (!closeAtExit && shelf == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "authflow-close-sessions"));
      closeAtExit = true;
    }
  }

  /**
   * Waits for a reset started in the background; its failure is this scenario's to handle. Bounded
   * by the WebDriver client's own command timeout (timeouts.session).
   */
  private static void awaitReset(Future<?> reset) {
    try {
      reset.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new WebDriverException("The kept session's reset failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebDriverException("Interrupted while the kept session was reset", e);
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
