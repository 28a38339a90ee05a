package io.authflow.e2e.rehearsal;

import io.authflow.e2e.local.NodeProcess;
import io.authflow.e2e.local.StackPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The JVM that serves one-journey reruns against the kept-running stack (io.authflow.e2e.WarmJvm,
 * docs/report.md): started with the reruns' options and the variables the stack writes, on this
 * JVM's class path (the project's test class path), so a rerun pays no JVM start and no loading of
 * Cucumber, Selenium and the AWS SDK. Ready once it has written the file reruns find it by; its
 * warm-up goes on after that, and a rerun that comes meanwhile waits for it.
 */
final class WarmJvmPart extends StackPart {
  static final String MAIN = "io.authflow.e2e.WarmJvm";
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);
  private final Path root;
  private final Path file;
  private final List<String> options;
  private final Map<String, String> environment;
  private final Duration timeout;
  private NodeProcess process;

  WarmJvmPart(
      Path root,
      Path file,
      List<String> options,
      Map<String, String> environment,
      Duration timeout,
      Path logDir) {
    super("warm-jvm", logDir);
    this.root = root;
    this.file = file;
    this.options = options;
    this.environment = environment;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Many reruns in one JVM: the JIT's full tiers pay off here, unlike in a rerun's own JVM.
    command.add("-XX:+UseSerialGC");
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN, file.toString()));
    try {
      Files.deleteIfExists(file);
      process = NodeProcess.start(name(), command, root, log(), environment);
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    }
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(file) || !process.alive());
    } catch (ConditionTimeoutException e) {
      throw failed("it did not write " + file + " within " + timeout.toSeconds() + "s.", e);
    }
    if (!process.alive()) {
      throw failed("it exited at start.", null);
    }
  }

  @Override
  public void close() {
    if (process != null) {
      NodeProcess.stopAll(List.of(process), STOP_GRACE);
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The next stack's start replaces it; a rerun that finds it meanwhile runs cold.
    }
  }
}
