package io.authflow.e2e.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node program of the local stack, its output in its log file, ended with the stack. It runs
 * under the run's tether ({@link RunReaper}), so it and what it starts die with this JVM however
 * the JVM ends.
 */
public final class NodeProcess {
  private final Process process;

  private NodeProcess(Process process) {
    this.process = process;
  }

  /**
   * Runs {@code main} with {@code args} on {@code node} (see {@link NodeRuntime}); {@code
   * removeWhenOrphaned} is a directory the tether removes if this JVM dies first (test data), or
   * null.
   */
  static NodeProcess start(
      String name,
      String node,
      Path main,
      List<String> args,
      Path workDir,
      Path log,
      Path removeWhenOrphaned)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(node, RunReaper.current().tether().toString()));
    command.addAll(args);
    Map<String, String> tether = new HashMap<>();
    tether.put("AUTHFLOW_TETHER_MAIN", main.toAbsolutePath().toString());
    tether.put("AUTHFLOW_TETHER_LOG", log.toAbsolutePath().toString());
    if (removeWhenOrphaned != null) {
      tether.put("AUTHFLOW_TETHER_REMOVE", removeWhenOrphaned.toAbsolutePath().toString());
    }
    return start(name, command, workDir, log, tether);
  }

  /**
   * Runs a command that is no Node program (the rehearsal's Grid), without a tether: it carries the
   * run's mark and is recorded, so the next run's start reaps it if this JVM was killed.
   */
  public static NodeProcess start(String name, List<String> command, Path workDir, Path log)
      throws IOException {
    return start(name, command, workDir, log, Map.of());
  }

  /** As {@link #start(String, List, Path, Path)}, with {@code environment} added to this JVM's. */
  public static NodeProcess start(
      String name, List<String> command, Path workDir, Path log, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(log.getParent());
    RunReaper reaper = RunReaper.current();
    var builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(reaper.environment());
    builder.environment().putAll(environment);
    Process process = builder.start();
    reaper.part(name, process.toHandle());
    return new NodeProcess(process);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  public boolean alive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /**
   * SIGTERM to all of them at once, then SIGKILL to those not ended within the grace period: the
   * graces run side by side, not one after another.
   */
  public static void stopAll(List<NodeProcess> processes, Duration grace) {
    processes.forEach(p -> p.process.destroy());
    long deadline = System.nanoTime() + grace.toNanos();
    for (NodeProcess p : processes) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!p.process.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        processes.forEach(q -> q.process.destroyForcibly());
        Thread.currentThread().interrupt();
        return;
      }
    }
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
