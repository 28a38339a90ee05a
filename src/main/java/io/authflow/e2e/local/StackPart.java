package io.authflow.e2e.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One part of the local stack: its name, its log, and what a failed start tells the user. */
public abstract class StackPart implements AutoCloseable {
  private final String name;
  private final Path log;

  protected StackPart(String name, Path logDir) {
    this.name = name;
    this.log = logDir.resolve(name + ".log");
  }

  protected String name() {
    return name;
  }

  protected Path log() {
    return log;
  }

  public abstract void start();

  /**
   * What to tell the user if this part stopped while the run needs it ("the Cognito stand-in
   * stopped (exit code …)"), or empty while it runs. Parts inside this JVM do not stop alone.
   */
  Optional<String> stopped() {
    return Optional.empty();
  }

  /**
   * Like {@link #stopped()}, and also asks the part whether it still answers: after a failure, when
   * the process may be dying but not gone yet.
   */
  Optional<String> unhealthy() {
    return stopped();
  }

  /** The message of a part that died: its title, how it ended, and its log's last lines. */
  protected String died(String title, String how) {
    String tail = tail(15);
    String last = tail.lines().reduce((a, b) -> b).orElse("").strip();
    return title
        + " stopped ("
        + how
        + "; last log line: "
        + last
        + "). The run cannot go on without it: every later step fails with this cause.\nLast lines of "
        + log
        + ":\n"
        + tail;
  }

  @Override
  public abstract void close();

  protected LocalStackException failed(String what, Throwable cause) {
    return new LocalStackException(
        "The local stack's "
            + name
            + " did not start: "
            + what
            + "\nLast lines of "
            + log
            + ":\n"
            + tail(20),
        cause);
  }

  protected String tail(int lines) {
    try {
      if (!Files.exists(log)) {
        return "  (no log written)";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "  (log unreadable: " + e.getMessage() + ")";
    }
  }
}
