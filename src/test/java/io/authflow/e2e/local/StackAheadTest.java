package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack the features' JVM begins ahead of its run (StackStartsWithThePlan): the run goes on
 * with that very stack, and one the run never takes over still stops with close(). Real parts.
 */
class StackAheadTest {
  private Path root;
  private HarnessConfig config;

  @BeforeEach
  void aProjectCopy() throws IOException {
    root = ProjectCopies.linked("authflow-ahead-");
    config = new ConfigLoader(root.resolve("config"), Map.of(), Map.of()).load("local");
  }

  @AfterEach
  void deleteTheCopy() throws IOException {
    ProjectCopies.delete(root);
  }

  @Test
  void theRunGoesOnWithTheStackBegunAheadAndItsCloseStopsIt() throws Exception {
    var stack = new LocalStack(root);
    stack.startAhead(config);

    Discovered found = stack.start(config);

    assertThat(status(found.appiumUrl())).as("Appium's /status").isEqualTo(200);
    stack.close();
    // Nothing of it runs once it is closed.
    awaitNoProcessLeft();
  }

  @Test
  void aStackBegunAheadThatNoRunTakesOverStopsWithClose() {
    var stack = new LocalStack(root);
    stack.startAhead(config);

    stack.close();

    awaitNoProcessLeft();
  }

  private static void awaitNoProcessLeft() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(processesOfThisJvm()).isEmpty());
  }

  // Every part runs under this JVM (a tether), whatever paths its command line names.
  private static List<String> processesOfThisJvm() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }

  private static int status(String appiumUrl) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(appiumUrl.replaceAll("/$", "") + "/status"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
