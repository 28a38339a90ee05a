package io.authflow.e2e.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
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
   * Runs {@code main} with {@code args} on the Node of {@code localDir} (src/local; see {@link
   * NodeRuntime}), its output in {@code log}; {@code removeWhenOrphaned} is a directory the tether
   * removes if this JVM dies first (test data), or null.
   */
  static NodeProcess start(
      String name,
      Path localDir,
      Path main,
      List<String> args,
      Path workDir,
      Path log,
      Path removeWhenOrphaned)
      throws IOException {
    Map<String, String> environment = new HashMap<>();
    if (removeWhenOrphaned != null) {
      environment.put("AUTHFLOW_TETHER_REMOVE", removeWhenOrphaned.toAbsolutePath().toString());
    }
    return tethered(
        name, localDir, main, args, workDir, log, Redirect.to(log.toFile()), environment);
  }

  /**
   * As above, for a program that writes {@code log} itself (Appium's {@code --log}): its console
   * output, the same lines again, is dropped. {@code environment} is added to this JVM's.
   */
  static NodeProcess startLoggingItself(
      String name,
      Path localDir,
      Path main,
      List<String> args,
      Path workDir,
      Path log,
      Map<String, String> environment)
      throws IOException {
    return tethered(name, localDir, main, args, workDir, log, Redirect.DISCARD, environment);
  }

  private static NodeProcess tethered(
      String name,
      Path localDir,
      Path main,
      List<String> args,
      Path workDir,
      Path log,
      Redirect output,
      Map<String, String> environment)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(NodeRuntime.executable(localDir), RunReaper.current().tether().toString()));
    command.addAll(args);
    Map<String, String> tether = new HashMap<>(environment);
    tether.putAll(NodeRuntime.environment(localDir));
    tether.put("AUTHFLOW_TETHER_MAIN", main.toAbsolutePath().toString());
    tether.put("AUTHFLOW_TETHER_LOG", log.toAbsolutePath().toString());
    Files.createDirectories(log.getParent());
    return start(name, command, workDir, output, tether);
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
    return start(name, command, workDir, Redirect.to(log.toFile()), environment);
  }

  private static NodeProcess start(
      String name,
      List<String> command,
      Path workDir,
      Redirect output,
      Map<String, String> environment)
      throws IOException {
    RunReaper reaper = RunReaper.current();
    var builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output);
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
