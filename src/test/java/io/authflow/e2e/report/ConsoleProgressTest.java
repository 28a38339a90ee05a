package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The console's lines for scenarios that did not apply, beside one that failed. */
class ConsoleProgressTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<Class<?>, EventHandler<?>> handlers = new HashMap<>();

  @Test
  void aScenarioThatDoesNotApplyIsCountedApartAndNotOfferedForRerun() {
    var console =
        new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), new RunOutcome());
    console.setEventPublisher(
        new EventPublisher() {
          @Override
          public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.put(type, handler);
          }

          @Override
          public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {}
        });

    finished(
        "Session expires",
        4,
        new Result(
            Status.SKIPPED,
            Duration.ZERO,
            NotApplicable.because(new Evidence(), "tokens live 1 h")));
    finished(
        "Wrong password",
        9,
        new Result(Status.FAILED, Duration.ZERO, new AssertionFailedError("expected x")));
    handler(TestRunFinished.class)
        .receive(
            new TestRunFinished(Instant.now(), new Result(Status.FAILED, Duration.ZERO, null)));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("↷ Session expires")
        .contains("    Does not apply here: tokens live 1 h")
        .contains("2 scenarios: 0 passed, 1 failed, 1 did not apply in")
        .contains("Failed: features/s.feature:9\n")
        .doesNotContain("skipped");
  }

  private void finished(String name, int line, Result result) {
    TestCase scenario =
        (TestCase)
            Proxy.newProxyInstance(
                TestCase.class.getClassLoader(),
                new Class<?>[] {TestCase.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getName" -> name;
                      case "getUri" -> URI.create("features/s.feature");
                      case "getLocation" -> new Location(line, 3);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    handler(TestCaseFinished.class).receive(new TestCaseFinished(Instant.now(), scenario, result));
  }

  @SuppressWarnings("unchecked")
  private <T> EventHandler<T> handler(Class<T> type) {
    return (EventHandler<T>) handlers.get(type);
  }
}
