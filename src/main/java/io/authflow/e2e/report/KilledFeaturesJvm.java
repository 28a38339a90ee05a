package io.authflow.e2e.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in Maven's JVM after the features (post-integration-test): when their JVM was killed (kill
 * -9, the OOM killer, a CI runner's hard stop), failsafe:verify would print its fork-crash trace,
 * some fifty lines about Maven's internals. Instead the build ends with one line saying what
 * happened and how the next run cleans up.
 */
public final class KilledFeaturesJvm {
  // failsafe-summary.xml's failureMessage when the fork ended without its goodbye.
  private static final Pattern CRASH =
      Pattern.compile("(?s).*The forked VM terminated without properly saying goodbye.*");
  private static final Pattern EXIT_CODE = Pattern.compile("Process Exit Code: (\\d+)");

  private KilledFeaturesJvm() {}

  /** {@code args}: failsafe's summary file. */
  public static void main(String[] args) throws IOException {
    Path summary = Path.of(args[0]);
    if (!Files.isRegularFile(summary)) {
      return;
    }
    Optional<String> line = line(Files.readString(summary));
    if (line.isPresent()) {
      System.out.println();
      System.out.println(line.get());
      System.exit(1);
    }
  }

  /** The line for failsafe's summary {@code xml}, if it says the features' JVM was killed. */
  static Optional<String> line(String xml) {
    if (!CRASH.matcher(xml).matches()) {
      return Optional.empty();
    }
    Matcher code = EXIT_CODE.matcher(xml);
    String how = code.find() ? " (exit code " + code.group(1) + ")" : "";
    return Optional.of(
        "The features' JVM was killed"
            + how
            + " before the run ended: nothing after that was judged. Its tethers stop the local"
            + " stack when it goes, and the next run's start reaps anything left and says so"
            + " (\"an earlier run (JVM pid …) did not end\").");
  }
}
