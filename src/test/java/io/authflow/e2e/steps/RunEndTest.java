package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The run's end says what is true of the run, also when it never reached its scenarios: a run that
 * stopped at its preflight opened no pool, so it neither counts users nor fails trying.
 */
class RunEndTest {
  // A remote target: no stack to start, and nothing here calls the pool or Appium.
  private static final String REMOTE =
      """
      stack: none
      target:
        appium: http://127.0.0.1:1
      userPool:
        region: eu-west-1
        id: eu-west-1_abc123
        clientId: client123
      inbox:
        type: mailosaur
      """;

  @TempDir Path configDir;
  private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
  private final ch.qos.logback.classic.Logger logger =
      (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(TestRun.class);

  @BeforeEach
  void listen() {
    seen.start();
    logger.addAppender(seen);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(seen);
  }

  @Test
  void aRunThatStoppedAtItsPreflightSaysSoAndThatItCreatedNoUser() throws IOException {
    RunContext run = RunContext.start(remote(), null);
    TestRun.start(run);
    TestRun.stoppedAt("the preflight");

    TestRun.stop();

    assertThat(lines())
        .containsExactly(
            "Run end: the run stopped at the preflight before any scenario; it created no test"
                + " user in pool eu-west-1_abc123");
    assertThat(run.opened()).isFalse();
    assertThatThrownBy(TestRun::current).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRunWhoseConfigOrStackFailedSaysItDidNotStart() {
    TestRun.stop();

    assertThat(lines()).containsExactly("Run end: the run did not start; it created no test user");
  }

  private List<String> lines() {
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private HarnessConfig remote() throws IOException {
    Files.copy(Path.of("config/defaults.yaml"), configDir.resolve("defaults.yaml"));
    Files.writeString(configDir.resolve("remote.yaml"), REMOTE);
    return new ConfigLoader(configDir, Map.of(), Map.of("MAILOSAUR_API_KEY", "test-key"))
        .load("remote");
  }
}
