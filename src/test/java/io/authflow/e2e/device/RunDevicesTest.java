package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/** What the run keeps across scenarios: a device per worker, a session per worker, one upload. */
class RunDevicesTest {
  private final RunDevices devices = new RunDevices();
  private final List<String> calls = new ArrayList<>();

  @Test
  void eachWorkerIsBoundToItsOwnDeviceForGood() throws Exception {
    List<String> udids = List.of("emulator-5554", "emulator-5556");
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      var first = CompletableFuture.supplyAsync(() -> twice(udids), workers);
      var second = CompletableFuture.supplyAsync(() -> twice(udids), workers);

      assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder("emulator-5554", "emulator-5556");
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void aWorkerBeyondTheDevicesIsToldHowManyMayRun() throws Exception {
    devices.udid(List.of("emulator-5554"));
    var other =
        CompletableFuture.supplyAsync(
            () ->
                catchThrowableOfType(
                    SessionStartException.class, () -> devices.udid(List.of("emulator-5554"))));

    assertThat(other.get(10, TimeUnit.SECONDS).getMessage())
        .contains("all 1 in target.udids are bound to other workers")
        .contains("run at most 1 workers");
  }

  @Test
  void noUdidsLeavesTheChoiceToTheServer() {
    assertThat(devices.udid(List.of())).isEmpty();
  }

  @Test
  void aKeptSessionStartsOnceAndIsResetForEachLaterScenario() {
    WebDriver first = devices.kept(() -> driver("one"), d -> calls.add("reset"));
    WebDriver second = devices.kept(() -> driver("two"), d -> calls.add("reset"));

    assertThat(second).isSameAs(first);
    assertThat(calls).containsExactly("start one", "reset");

    devices.closeAll();
    assertThat(calls).containsExactly("start one", "reset", "quit one");
  }

  @Test
  void aKeptSessionTheServerEndedIsReplaced() {
    devices.kept(() -> driver("one"), d -> calls.add("reset"));

    WebDriver replaced =
        devices.kept(
            () -> driver("two"),
            d -> {
              throw new WebDriverException("session deleted because of idle timeout");
            });

    assertThat(replaced.toString()).isEqualTo("two");
    assertThat(calls).containsExactly("start one", "quit one", "start two");
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

  private String twice(List<String> udids) {
    String first = devices.udid(udids).orElseThrow();
    assertThat(devices.udid(udids)).contains(first);
    return first;
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
