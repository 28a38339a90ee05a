package io.authflow.e2e.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hears SIGINT for a JVM that started with it ignored. A shell without job control (a script's
 * {@code mvn … &}, a CI step run in the background) starts commands so, and a JVM keeps it so: its
 * own handler never runs, while the run's Node parts still stop on the signal. A Node process below
 * this JVM reports the SIGINTs it gets on its output (Node takes SIGINT even where it was ignored
 * at start) and ends when this JVM does.
 */
public final class SigintRelay {
  private static final int SIGINT = 2;
  private static final String RELAY =
      "process.on('SIGINT', () => process.stdout.write('INT\\n'));"
          + "const parent = process.ppid;"
          + "setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 500);";

  private SigintRelay() {}

  /**
   * Starts the relay; {@code heard} runs on each SIGINT it reports. {@code environment} is added to
   * the relay's (a run's process marks). Throws if Node cannot start.
   */
  public static void start(Map<String, String> environment, Runnable heard) throws IOException {
    var builder = new ProcessBuilder("node", "-e", RELAY).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process relay = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.equals("INT")) {
                    heard.run();
                  }
                }
              } catch (IOException e) {
                // The relay ended with the JVM.
              }
            },
            "sigint-relay");
    reader.setDaemon(true);
    reader.start();
    // A JVM that exits with a thread in native code (this reader, the relay's process reaper) waits
    // about 300 ms for it: as the JVM exits the relay has nothing left to tell, so it ends first.
    Runtime.getRuntime().addShutdownHook(new Thread(relay::destroy, "sigint-relay-stop"));
  }

  /** Whether this process started with SIGINT ignored (Linux: /proc/self/status SigIgn). */
  public static boolean sigintIgnored() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("SigIgn:"))
          .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16))
          .anyMatch(mask -> (mask & (1L << (SIGINT - 1))) != 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
