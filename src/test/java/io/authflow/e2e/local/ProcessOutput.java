package io.authflow.e2e.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** For tests that start a process and wait until it prints a line saying it is ready. */
public final class ProcessOutput {
  private ProcessOutput() {}

  /**
   * The first line of {@code process}'s output that starts with {@code prefix}, within {@code
   * timeout}. One reader thread of its own keeps draining the output for the process's whole life,
   * so the process never blocks on a full pipe (and no shared pool thread is held).
   *
   * @throws AssertionError naming {@code what} and everything printed, when no such line came
   */
  public static String awaitLine(Process process, String prefix, Duration timeout, String what)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    StringBuilder seen = new StringBuilder();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (seen) {
                    seen.append(line).append('\n');
                  }
                  if (line.startsWith(prefix)) {
                    ready.complete(line);
                  }
                }
              } catch (IOException e) {
                // Reported below with what was printed.
              }
              ready.complete(null);
            },
            "process-output");
    reader.setDaemon(true);
    reader.start();
    String line;
    try {
      line = ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      line = null;
    }
    if (line == null) {
      synchronized (seen) {
        throw new AssertionError(
            what
                + " did not print '"
                + prefix
                + "' within "
                + timeout.toSeconds()
                + " s; it printed:\n"
                + seen);
      }
    }
    return line;
  }
}
