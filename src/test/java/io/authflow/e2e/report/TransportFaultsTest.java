package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.local.RunReaper;
import io.authflow.e2e.parts.StackWatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Every way the WebDriver transport fails mid-scenario, driven against the local stack's real
 * Appium and Chromium (through a relay standing for the network or a Grid between them): each
 * failure names the part in its first line, and the real categories.json files it under Environment
 * faults, never App defects. The console prints that first line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportFaultsTest {
  // Longer than any command here takes, shorter than the script's own wait: bounds every await.
  private static final long WITHIN_MS = 20_000;

  private Path root;
  private LocalStack stack;
  private HarnessConfig local;
  private TcpRelay relay;
  private AppSession app;
  private final RunDevices devices = new RunDevices();
  private StackWatch watch;

  @BeforeAll
  void startTheLocalStack() throws IOException {
    root = ProjectCopies.linked("authflow-transport-");
    stack = new LocalStack(root);
    HarnessConfig asked =
        new ConfigLoader(root.resolve("config"), Map.of(), Map.of()).load("local");
    local = asked.completedBy(stack.start(asked));
    // The run's watch: a part of the stack that dies is named before the transport's fault.
    watch = StackWatch.of(stack);
  }

  @BeforeEach
  void openTheAppThroughARelay() throws IOException {
    relay = new TcpRelay(local.target().appium());
    app =
        new AppSession(
            local.completedBy(
                new Discovered(
                    local.app().url(), relay.url(), Optional.empty(), List.of(), Map.of())),
            devices,
            watch);
    app.launch();
  }

  @AfterEach
  void closeTheApp() {
    app.dispose();
    relay.close();
  }

  @AfterAll
  void stopTheLocalStack() throws IOException {
    devices.closeAll();
    stack.close();
    ProjectCopies.delete(root);
  }

  @Test
  @Order(1)
  void aConnectionCutMidCommandNamesAppiumAndIsAnEnvironmentFault() {
    relay.cutEveryRequest();

    Throwable failure = catchThrowable(this::lookForTheSignInForm);

    assertThat(firstLine(failure)).startsWith("Appium at " + relay.url() + " cut the connection");
    assertThat(AllureCategories.of(failure)).containsExactly("Environment faults");
  }

  @Test
  @Order(2)
  void aClosedPortNamesAppiumAndIsAnEnvironmentFault() {
    relay.close();

    Throwable failure = catchThrowable(this::lookForTheSignInForm);

    assertThat(firstLine(failure))
        .startsWith("Appium at " + relay.url() + " cut the connection")
        // A new connection is refused; one the client kept from before finds its peer gone.
        .containsAnyOf("ConnectException", "received no bytes");
    assertThat(AllureCategories.of(failure)).containsExactly("Environment faults");
  }

  @Test
  @Order(3)
  void aSessionDeletedBehindTheRunsBackNamesAppiumAndIsAnEnvironmentFault() throws Exception {
    String session = app.driver().getSessionId().toString();
    HttpResponse<String> deleted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(local.target().appium() + "session/" + session))
                    .DELETE()
                    .timeout(Duration.ofMillis(WITHIN_MS))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).as("Appium's answer to DELETE /session/<id>").isEqualTo(200);

    Throwable failure = catchThrowable(this::lookForTheSignInForm);

    assertThat(firstLine(failure))
        .startsWith("Appium at " + relay.url() + " no longer has this session");
    assertThat(AllureCategories.of(failure)).containsExactly("Environment faults");
  }

  @Test
  @Order(4)
  void theBrowserDriverBehindAppiumGoneNamesAppiumAndIsAnEnvironmentFault() {
    List<ProcessHandle> chromedrivers =
        RunReaper.marked(RunReaper.current().runId()).stream()
            .filter(p -> p.info().command().orElse("").endsWith("chromedriver"))
            .toList();
    assertThat(chromedrivers).as("this session's ChromeDriver").isNotEmpty();
    // SIGKILL is delivered before the next command leaves this JVM.
    chromedrivers.forEach(ProcessHandle::destroyForcibly);

    Throwable failure = catchThrowable(this::lookForTheSignInForm);

    // Appium says "Could not proxy command … socket hang up / ECONNREFUSED", or, when it noticed
    // first, that it ended the session: either way the first line names Appium.
    assertThat(firstLine(failure)).startsWith("Appium at " + relay.url());
    assertThat(AllureCategories.of(failure)).containsExactly("Environment faults");
  }

  /** Last: it kills the stack's Appium. */
  @Test
  @Order(5)
  void appiumKilledMidCommandIsNamedAndIsAnEnvironmentFault() throws Exception {
    relay.forgetRequests();
    CompletableFuture<Object> waiting =
        CompletableFuture.supplyAsync(
            () ->
                app.driver()
                    .executeAsyncScript(
                        "setTimeout(arguments[arguments.length - 1], " + 2 * WITHIN_MS + ")"));
    assertThat(relay.awaitRequest(WITHIN_MS)).as("the command reached Appium").isTrue();
    List<ProcessHandle> appium =
        RunReaper.marked(RunReaper.current().runId()).stream()
            .filter(p -> p.info().command().orElse("").endsWith("node"))
            .filter(p -> p.info().commandLine().orElse("").contains("appium/index.js"))
            .filter(p -> !p.info().commandLine().orElse("").contains("tether"))
            .toList();
    assertThat(appium).as("the stack's Appium server process").isNotEmpty();
    appium.forEach(ProcessHandle::destroyForcibly);

    Throwable failure =
        catchThrowable(() -> waiting.get(WITHIN_MS, TimeUnit.MILLISECONDS)).getCause();

    assertThat(firstLine(failure)).startsWith("Appium");
    assertThat(AllureCategories.of(failure)).containsExactly("Environment faults");
  }

  private void lookForTheSignInForm() {
    app.driver().findElements(By.cssSelector("[data-testid='signIn.email']"));
  }

  private static String firstLine(Throwable failure) {
    assertThat(failure).as("the failure").isNotNull();
    return String.valueOf(failure.getMessage()).strip().lines().findFirst().orElse("");
  }
}
