package io.authflow.e2e.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Allure trend of judged runs only. Allure advances {@code <report>/history} with every report
 * it generates; an interrupted run's report still shows what ran, but its history is put back to
 * the last judged run's, so the next report's trend and "new failed" markers skip it. Run by Maven
 * after {@code allure generate} ({@code main}); {@link #save} runs before it.
 */
public final class KeepJudgedTrend {
  private KeepJudgedTrend() {}

  /** Before generating: keeps the last report's history aside, or forgets an older copy. */
  static void save(AllureResults results, Path report, Path kept) {
    delete(kept);
    if (results.interruptedAt().isPresent()) {
      copy(report.resolve("history"), kept);
    }
  }

  /** {@code args}: the results directory, the report directory, where the history was kept. */
  public static void main(String[] args) {
    AllureResults results = new AllureResults(Path.of(args[0]));
    if (!restore(results, Path.of(args[1]), Path.of(args[2]))) {
      return;
    }
    System.out.println(
        "Allure report: the run was interrupted; the trend keeps the last judged run (history"
            + " not advanced)");
    // The build ends here, as an interrupted command does (130), with the run's one line last:
    // failsafe:verify would only add a listing of what was never judged.
    System.out.println();
    System.out.println(results.interruptionSummary().orElse("Interrupted."));
    System.exit(130);
  }

  /** After generating: puts the kept history back if the run was interrupted; says if it was. */
  static boolean restore(AllureResults results, Path report, Path kept) {
    if (results.interruptedAt().isEmpty()) {
      return false;
    }
    Path history = report.resolve("history");
    delete(history);
    copy(kept, history);
    return true;
  }

  private static void copy(Path from, Path to) {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + dir, e);
    }
  }
}
