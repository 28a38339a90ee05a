package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part of the local stack that does not start is reported by name with the tail of its log, and
 * nothing it started is left running. The launchers here are stand-ins written per test.
 */
class LocalStackFailureTest {
  private static final String FAILING_LAUNCHER =
      """
      console.log('booting the pretend stand-in');
      console.error('cognito launcher: port 1 on 127.0.0.1 is already in use');
      process.exit(1);
      """;
  // Writes its pid beside itself, then never becomes ready.
  private static final String HANGING_LAUNCHER =
      """
      require('node:fs').writeFileSync(require('node:path').join(__dirname, 'pid'), String(process.pid));
      console.log('waiting for nothing');
      setInterval(() => {}, 1000);
      """;

  @TempDir Path dir;

  @Test
  void aLauncherThatExitsIsReportedByNameWithTheTailOfItsLog() throws IOException {
    Path launcherDir = launcher(FAILING_LAUNCHER);
    var standIn =
        new CognitoStandIn(
            launcherDir,
            dir.resolve("run"),
            freePort(),
            "",
            "app",
            Duration.ofSeconds(30),
            dir.resolve("logs"));

    LocalStackException e = catchThrowableOfType(LocalStackException.class, standIn::start);
    standIn.close();

    assertThat(e.getMessage())
        .startsWith("The local stack's cognito did not start: the launcher exited with code 1.")
        .contains(dir.resolve("logs/cognito.log").toString())
        .contains("booting the pretend stand-in")
        .contains("cognito launcher: port 1 on 127.0.0.1 is already in use");
  }

  @Test
  void aLauncherWithoutItsNodeModulesIsReportedWithTheFix() throws IOException {
    Path launcherDir = Files.createDirectories(dir.resolve("cognito"));
    Files.writeString(launcherDir.resolve("launcher.js"), FAILING_LAUNCHER);
    var standIn =
        new CognitoStandIn(
            launcherDir,
            dir.resolve("run"),
            freePort(),
            "",
            "app",
            Duration.ofSeconds(30),
            dir.resolve("logs"));

    LocalStackException e = catchThrowableOfType(LocalStackException.class, standIn::start);

    assertThat(e.getMessage())
        .contains("cognito did not start")
        .contains(launcherDir.resolve("node_modules") + " is missing")
        .contains("npm ci");
  }

  @Test
  void theStackReportsTheFailedPartAndStopsWhatItStarted() throws IOException {
    Path root = projectWithCognitoLauncher(FAILING_LAUNCHER);
    var stack = new LocalStack(root);

    LocalStackException e =
        catchThrowableOfType(LocalStackException.class, () -> stack.start(localConfig("PT30S")));

    assertThat(e.getMessage())
        .contains("cognito did not start")
        .contains("cognito launcher: port 1 on 127.0.0.1 is already in use");
    assertThat(root.resolve("reports/local-stack/cognito.log")).exists();
  }

  @Test
  void aLauncherThatNeverGetsReadyIsReportedAndStopped() throws IOException {
    Path root = projectWithCognitoLauncher(HANGING_LAUNCHER);
    var stack = new LocalStack(root);

    LocalStackException e =
        catchThrowableOfType(LocalStackException.class, () -> stack.start(localConfig("PT2S")));

    assertThat(e.getMessage())
        .contains("cognito did not start: no ready file")
        .contains("within 2s")
        .contains("waiting for nothing");
    long pid = Long.parseLong(Files.readString(root.resolve("src/local/cognito/pid")).trim());
    Awaitility.await("the hung launcher (pid " + pid + ") to be stopped")
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  private Path launcher(String script) throws IOException {
    Path launcherDir = Files.createDirectories(dir.resolve("cognito"));
    Files.createDirectories(launcherDir.resolve("node_modules"));
    Files.writeString(launcherDir.resolve("launcher.js"), script);
    return launcherDir;
  }

  /** A project directory whose only local part is the given Cognito launcher. */
  private Path projectWithCognitoLauncher(String script) throws IOException {
    Path root = dir.resolve("project");
    Path launcherDir = Files.createDirectories(root.resolve("src/local/cognito"));
    Files.createDirectories(launcherDir.resolve("node_modules"));
    Files.writeString(launcherDir.resolve("launcher.js"), script);
    return root;
  }

  private static HarnessConfig localConfig(String localStackTimeout) {
    return new ConfigLoader(
            Path.of("config"), Map.of("authflow.timeouts.localStack", localStackTimeout), Map.of())
        .load("local");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
