package io.authflow.e2e.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Node program of the local stack, its output in its log file, ended with the stack. */
final class NodeProcess {
  private final Process process;

  private NodeProcess(Process process) {
    this.process = process;
  }

  static NodeProcess start(List<String> command, Path workDir, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new NodeProcess(process);
  }

  boolean alive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
  void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
