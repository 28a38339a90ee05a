package io.authflow.e2e.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure nothing a run starts outlives it, as Testcontainers' Ryuk does for containers.
 *
 * <ul>
 *   <li>Every Node part runs under the tether (tether.js beside this class), which kills the part's
 *       process group, and everything carrying its mark, when this JVM goes away, even by SIGKILL.
 *   <li>Every process the run starts carries {@code AUTHFLOW_RUN=<run id>} in its environment.
 *   <li>A record of the run (this JVM's pid and start time, its temp dir, its parts' pids and
 *       command lines) lives in {@code <tmp>/authflow-e2e-runs/} while it runs; the next run's
 *       start reaps what a run that did not end left behind: its marked processes, its parts whose
 *       command line still matches, and its temp dir (the stand-in's data holds test passwords).
 * </ul>
 *
 * One run per JVM, so one reaper per JVM.
 */
public final class RunReaper {
  private static final Logger LOG = LoggerFactory.getLogger(RunReaper.class);
  static final String RUN_VARIABLE = "AUTHFLOW_RUN";
  private static final String TEMP_PREFIX = "authflow-local-";
  // The JVM's reaper, static because what it answers for is the JVM's: its record is keyed by
  // this JVM's pid, its tether dies with the JVM, and its shutdown hook ends what is left. Every
  // stack of the JVM (a test class may start several) shares it; tests make their own by path.
  private static RunReaper current;

  private final Path records;
  private final String runId;
  private final Properties record = new Properties();

  RunReaper(Path records) {
    this.records = records;
    ProcessHandle self = ProcessHandle.current();
    this.runId = "run-" + self.pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    record.setProperty("runId", runId);
    record.setProperty("jvmPid", Long.toString(self.pid()));
    record.setProperty("jvmStart", startOf(self).map(Instant::toString).orElse(""));
  }

  /** This JVM's reaper; the first call reaps what earlier killed runs left and records this run. */
  public static synchronized RunReaper current() {
    if (current == null) {
      var reaper =
          new RunReaper(Path.of(System.getProperty("java.io.tmpdir"), "authflow-e2e-runs"));
      reaper.sweep();
      reaper.save();
      Runtime.getRuntime().addShutdownHook(new Thread(reaper::close, "authflow-reaper"));
      current = reaper;
    }
    return current;
  }

  public String runId() {
    return runId;
  }

  /** What every process of this run gets in its environment. */
  public Map<String, String> environment() {
    return Map.of(RUN_VARIABLE, runId);
  }

  /** The tether script, copied out of the classpath once per run. */
  synchronized Path tether() {
    Path script = records.resolve(runId + "-tether.js");
    if (!Files.exists(script)) {
      try (InputStream in = RunReaper.class.getResourceAsStream("/tether.js")) {
        if (in == null) {
          throw new IllegalStateException("tether.js is missing from the classpath");
        }
        Files.createDirectories(records);
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + script, e);
      }
    }
    return script;
  }

  /** The run's temp dir, removed by the next run's start if this one is killed. */
  synchronized void tempDir(Path dir) {
    record.setProperty("tempDir." + dir.getFileName(), dir.toAbsolutePath().toString());
    save();
  }

  /** A part's process, killed by the next run's start if it is still there with this command. */
  synchronized void part(String name, ProcessHandle process) {
    record.setProperty(
        "part." + name, process.pid() + " " + process.info().commandLine().orElse(""));
    save();
  }

  /**
   * Ends whatever of this run is still alive (a part that ignored its stop, a browser a session
   * left) and drops the record: at JVM exit, when every stack of this JVM is done.
   */
  public synchronized void close() {
    int killed = killMarked(runId);
    if (killed > 0) {
      LOG.warn("Run end: killed {} process(es) of this run that were still running", killed);
    }
    try {
      Files.deleteIfExists(recordFile(runId));
      Files.deleteIfExists(records.resolve(runId + "-tether.js"));
    } catch (IOException e) {
      LOG.warn("Run end: could not remove the run's record: {}", e.getMessage());
    }
  }

  /** Reaps every recorded run whose JVM is gone; returns how many such runs it found. */
  int sweep() {
    if (!Files.isDirectory(records)) {
      return 0;
    }
    int reaped = 0;
    try (Stream<Path> files = Files.list(records)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".run")).toList()) {
        Properties earlier = read(file);
        if (earlier == null || runId.equals(earlier.getProperty("runId")) || alive(earlier)) {
          continue;
        }
        reap(earlier);
        Files.deleteIfExists(file);
        Files.deleteIfExists(records.resolve(earlier.getProperty("runId") + "-tether.js"));
        reaped++;
      }
    } catch (IOException e) {
      LOG.warn(
          "Run start: could not read earlier runs' records in {}: {}", records, e.getMessage());
    }
    return reaped;
  }

  private void reap(Properties earlier) {
    String id = earlier.getProperty("runId", "");
    int killed = id.isEmpty() ? 0 : killMarked(id);
    for (String key : earlier.stringPropertyNames()) {
      if (key.startsWith("part.")) {
        killed += killIfSameCommand(earlier.getProperty(key));
      }
    }
    List<String> removed = new ArrayList<>();
    for (String key : earlier.stringPropertyNames()) {
      String dir = earlier.getProperty(key);
      if (key.startsWith("tempDir.") && removeTempDir(Path.of(dir))) {
        removed.add(dir);
      }
    }
    // Said every time a record is reaped, also when the tethers had already ended everything: a
    // run that did not end is news to whoever reads the next run's console.
    if (killed > 0 || !removed.isEmpty()) {
      LOG.warn(
          "Run start: an earlier run (JVM pid {}) did not end; killed {} of its process(es){}",
          earlier.getProperty("jvmPid"),
          killed,
          removed.isEmpty() ? "" : " and removed its temp dir " + String.join(", ", removed));
    } else {
      LOG.warn(
          "Run start: an earlier run (JVM pid {}) did not end; nothing of it was still running"
              + " (its tethers had stopped its parts and removed its temp dir); removed its record",
          earlier.getProperty("jvmPid"));
    }
  }

  /** Whether the recorded JVM still runs: the same pid with the same start time. */
  private static boolean alive(Properties run) {
    try {
      long pid = Long.parseLong(run.getProperty("jvmPid", ""));
      String start = run.getProperty("jvmStart", "");
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p -> start.isEmpty() || startOf(p).map(Instant::toString).orElse("").equals(start))
          .isPresent();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Kills every process whose environment says it belongs to run {@code id}. */
  static int killMarked(String id) {
    int killed = 0;
    for (ProcessHandle process : marked(id)) {
      if (process.destroyForcibly()) {
        killed++;
      }
    }
    return killed;
  }

  /** The living processes of run {@code id}, by the mark in their environment (Linux's /proc). */
  public static List<ProcessHandle> marked(String id) {
    byte[] mark = (RUN_VARIABLE + "=" + id).getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && p.isAlive())
        .forEach(
            p -> {
              if (environmentHas(p.pid(), mark)) {
                found.add(p);
              }
            });
    return found;
  }

  private static boolean environmentHas(long pid, byte[] entry) {
    byte[] env;
    try {
      env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
    } catch (IOException | SecurityException e) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= env.length; i++) {
      if (i == env.length || env[i] == 0) {
        if (i - start == entry.length
            && java.util.Arrays.equals(env, start, i, entry, 0, entry.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** {@code recorded} is "pid command line"; kills the pid only if it still runs that command. */
  private static int killIfSameCommand(String recorded) {
    int space = recorded.indexOf(' ');
    if (space < 0) {
      return 0;
    }
    String command = recorded.substring(space + 1);
    try {
      return ProcessHandle.of(Long.parseLong(recorded.substring(0, space)))
              .filter(p -> !command.isEmpty())
              .filter(p -> p.info().commandLine().map(command::equals).orElse(false))
              .map(ProcessHandle::destroyForcibly)
              .orElse(false)
          ? 1
          : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Removes a run's temp dir, and only one: under java.io.tmpdir, named as LocalStack names it. */
  private static boolean removeTempDir(Path dir) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    if (!dir.startsWith(tmp)
        || !dir.getFileName().toString().startsWith(TEMP_PREFIX)
        || !Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Run start: could not remove {}: {}", dir, e.getMessage());
    }
    return !Files.exists(dir);
  }

  static String tempPrefix() {
    return TEMP_PREFIX;
  }

  private static Optional<Instant> startOf(ProcessHandle process) {
    return process.info().startInstant();
  }

  private Path recordFile(String id) {
    return records.resolve(id + ".run");
  }

  private static Properties read(Path file) {
    var properties = new Properties();
    try (var in = Files.newInputStream(file)) {
      properties.load(in);
      return properties;
    } catch (IOException e) {
      return null;
    }
  }

  private synchronized void save() {
    try {
      Files.createDirectories(records);
      Path temporary = records.resolve(runId + ".run.tmp");
      try (var out = Files.newOutputStream(temporary)) {
        record.store(out, "authflow-e2e run; removed when the run ends");
      }
      Files.move(
          temporary,
          recordFile(runId),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the run in " + records, e);
    }
  }
}
