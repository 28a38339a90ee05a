package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * What the run keeps across scenarios: devices and kept sessions leased per scenario, one upload.
 */
class RunDevicesTest {
  private final RunDevices devices = new RunDevices();
  // Longer than any test here leaves a session idle.
  private static final Duration IDLE = Duration.ofMinutes(5);
  // Resets run on a thread of their own.
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @Test
  void scenariosRunningAtOnceHoldDifferentDevicesWhateverThreadTheyRunOn() {
    List<String> udids = List.of("emulator-5554", "emulator-5556");
    var first = devices.lease();
    var second = devices.lease();

    String one = first.udid(udids).orElseThrow();
    String two = second.udid(udids).orElseThrow();

    assertThat(List.of(one, two)).containsExactlyInAnyOrder("emulator-5554", "emulator-5556");
    assertThat(first.udid(udids)).as("the same device for the whole scenario").contains(one);
  }

  @Test
  void aReleasedDeviceGoesToTheNextScenarioOnAnyThread() throws Exception {
    List<String> udids = List.of("emulator-5554");
    var first = devices.lease();
    first.udid(udids);
    first.release();

    var next =
        CompletableFuture.supplyAsync(
            () -> {
              var lease = devices.lease();
              return lease.udid(udids).orElseThrow();
            });

    assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("emulator-5554");
  }

  @Test
  void aScenarioBeyondTheDevicesIsToldHowManyMayRun() {
    devices.lease().udid(List.of("emulator-5554"));

    var e =
        catchThrowableOfType(
            SessionStartException.class, () -> devices.lease().udid(List.of("emulator-5554")));

    assertThat(e.getMessage())
        .contains("all 1 in target.udids are in use by other scenarios")
        .contains("run at most 1 workers");
  }

  @Test
  void noUdidsLeavesTheChoiceToTheServer() {
    assertThat(devices.lease().udid(List.of())).isEmpty();
  }

  @Test
  void aKeptSessionStartsOnceAndIsResetForEachLaterScenario() throws Exception {
    var first = devices.lease();
    WebDriver one = first.kept(() -> driver("one"), d -> calls.add("reset"), IDLE);
    first.release();

    // The next scenario may run on another thread of the pool: it still gets the session.
    WebDriver two =
        CompletableFuture.supplyAsync(
                () -> devices.lease().kept(() -> driver("two"), d -> calls.add("reset"), IDLE))
            .get(10, TimeUnit.SECONDS);

    assertThat(two).isSameAs(one);
    assertThat(calls).containsExactly("start one", "reset");

    devices.closeAll();
    assertThat(calls).containsExactly("start one", "reset", "quit one");
  }

  @Test
  void onAShelfTheIdleSessionGoesOnToTheNextRunAndIsResetThere() {
    Deque<WebDriver> shelf = new ArrayDeque<>();
    var firstRun = new RunDevices(shelf);
    var lease = firstRun.lease();
    WebDriver one = lease.kept(() -> driver("one"), this::resetUntilStopped, IDLE);
    // A scenario still holding its session at run end (cut short) does not hand it on.
    firstRun.lease().kept(() -> driver("busy"), d -> calls.add("reset"), IDLE);
    lease.release();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset started"));

    firstRun.closeAll();

    assertThat(shelf).containsExactly(one);
    // The reset under way at the run's end is stopped: the next run resets the session anyway.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset stopped"));
    assertThat(calls)
        .startsWith("start one", "start busy", "reset started")
        .contains("quit busy")
        .doesNotContain("quit one");

    WebDriver next =
        new RunDevices(shelf).lease().kept(() -> driver("two"), d -> calls.add("reset"), IDLE);

    assertThat(next).isSameAs(one);
    assertThat(shelf).isEmpty();
    assertThat(calls).last().isEqualTo("reset");
  }

  @Test
  void aResetUnderWayAtTheRunsEndIsStoppedAndItsSessionQuit() {
    var lease = devices.lease();
    lease.kept(() -> driver("one"), this::resetUntilStopped, IDLE);
    lease.release();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset started"));

    devices.closeAll();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset stopped"));
    assertThat(calls).contains("quit one");
  }

  @Test
  void aSessionHandedBackAfterTheRunsEndIsNotReset() {
    var lease = devices.lease();
    lease.kept(() -> driver("one"), d -> calls.add("reset"), IDLE);
    devices.closeAll();

    // A scenario cut short (Ctrl-C) ends after the run did.
    lease.release();

    assertThat(calls).containsExactly("start one", "quit one");
  }

  @Test
  void aDiscardedSessionStaysOffTheShelf() {
    Deque<WebDriver> shelf = new ArrayDeque<>();
    var run = new RunDevices(shelf);
    var lease = run.lease();
    lease.kept(() -> driver("one"), d -> calls.add("reset"), IDLE);

    lease.discard();
    run.closeAll();

    assertThat(shelf).isEmpty();
    assertThat(calls).containsExactly("start one", "quit one");
  }

  @Test
  void scenariosRunningAtOnceNeverShareAKeptSession() {
    WebDriver one = devices.lease().kept(() -> driver("one"), d -> calls.add("reset"), IDLE);
    WebDriver two = devices.lease().kept(() -> driver("two"), d -> calls.add("reset"), IDLE);

    assertThat(two).isNotSameAs(one);
    assertThat(calls).containsExactly("start one", "start two");
  }

  @Test
  void aKeptSessionTheServerEndedIsReplaced() {
    var first = devices.lease();
    first.kept(
        () -> driver("one"),
        d -> {
          throw new WebDriverException("session deleted because of idle timeout");
        },
        IDLE);
    first.release();

    WebDriver replaced = devices.lease().kept(() -> driver("two"), d -> calls.add("reset"), IDLE);

    assertThat(replaced.toString()).isEqualTo("two");
    assertThat(calls).containsExactly("start one", "quit one", "start two");
  }

  @Test
  void aKeptSessionIsResetAsItIsHandedBackAndTheNextScenarioWaitsForWhatIsLeft() throws Exception {
    CountDownLatch resetMayEnd = new CountDownLatch(1);
    var first = devices.lease();
    WebDriver one =
        first.kept(
            () -> driver("one"),
            d -> {
              calls.add("reset started");
              await(resetMayEnd);
              calls.add("reset ended");
            },
            IDLE);

    first.release();
    // Under way before any scenario asks for the session.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset started"));
    var next =
        CompletableFuture.supplyAsync(
            () -> {
              WebDriver taken =
                  devices.lease().kept(() -> driver("two"), d -> calls.add("again"), IDLE);
              calls.add("taken");
              return taken;
            });
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.contains("reset started") && !next.isDone() && aThreadWaitsForAReset());
    resetMayEnd.countDown();

    assertThat(next.get(10, TimeUnit.SECONDS)).isSameAs(one);
    assertThat(calls).containsExactly("start one", "reset started", "reset ended", "taken");
  }

  @Test
  void aSessionIdleForLongerThanItMayIsResetAgainAsItIsTaken() {
    var first = devices.lease();
    first.kept(() -> driver("one"), d -> calls.add("reset"), Duration.ZERO);
    first.release();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("reset"));

    // Its server may have ended it meanwhile: the reset's commands find out, and replace it.
    WebDriver replaced =
        devices
            .lease()
            .kept(
                () -> driver("two"),
                d -> {
                  throw new WebDriverException("session deleted because of idle timeout");
                },
                Duration.ZERO);

    assertThat(replaced.toString()).isEqualTo("two");
    assertThat(calls).containsExactly("start one", "reset", "quit one", "start two");
  }

  @Test
  void manyWorkersAskingForTheAppUploadItOnce() throws Exception {
    AtomicInteger uploads = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () ->
                    devices.uploaded(
                        "browserstack app.apk", () -> "bs://" + uploads.incrementAndGet()),
                workers));
      }
      for (var answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("bs://1");
      }
      assertThat(uploads).hasValue(1);
    } finally {
      workers.shutdownNow();
    }
  }

  /** A reset that goes on until its thread is interrupted. */
  private void resetUntilStopped(WebDriver session) {
    calls.add("reset started");
    try {
      new CountDownLatch(1).await(10, TimeUnit.SECONDS);
      calls.add("reset never stopped");
    } catch (InterruptedException e) {
      calls.add("reset stopped");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the reset end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether a thread is parked in the wait for a kept session's reset. */
  private static boolean aThreadWaitsForAReset() {
    return Thread.getAllStackTraces().entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().getState() == Thread.State.WAITING
                    && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("awaitReset")));
  }

  /** A driver that records being started and quit; nothing else is called on it here. */
  private WebDriver driver(String name) {
    calls.add("start " + name);
    return (WebDriver)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {WebDriver.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "quit" -> {
                    calls.add("quit " + name);
                    yield null;
                  }
                  case "toString" -> name;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
