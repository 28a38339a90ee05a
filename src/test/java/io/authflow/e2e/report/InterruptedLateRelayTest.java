package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The same background run, where the signal reaches the run's parts before its relay: Appium,
 * ChromeDriver and Chromium have stopped, and the scenario under way has seen them go, before the
 * features' JVM hears of the signal. On a busy machine the relay (a Node process writing to a pipe)
 * can come that late by itself; what the scenario saw in between is still not judged.
 */
class InterruptedLateRelayTest extends InterruptedRunTest {
  @Override
  boolean startedInTheBackground() {
    return true;
  }

  @Override
  void interrupt(Process features) throws Exception {
    List<ProcessHandle> below = features.descendants().toList();
    List<ProcessHandle> relay =
        below.stream().filter(p -> commandLine(p).contains("SIGINT")).toList();
    List<ProcessHandle> appium =
        below.stream().filter(p -> commandLine(p).contains("appium")).toList();
    assertThat(relay).as("the SIGINT relay below the features' JVM").hasSize(1);
    assertThat(appium).as("Appium's processes below the features' JVM").isNotEmpty();
    List<ProcessHandle> first = new java.util.ArrayList<>(List.of(features.toHandle()));
    below.stream().filter(p -> !relay.contains(p)).forEach(first::add);
    signal(first);
    CompletableFuture.allOf(
            appium.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
        .get(1, TimeUnit.MINUTES);
    signal(relay);
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }
}
