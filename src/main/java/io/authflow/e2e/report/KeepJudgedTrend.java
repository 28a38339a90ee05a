package io.authflow.e2e.report;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.LocalStackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Allure trend of one product: judged runs of one app on one environment. Each trend's history
 * is kept under {@code reports/trends/<env>/<app>/history}, so runs of another app or environment
 * neither join nor reset it. The features' JVM names the run's trend in the results ({@link
 * #name}); Maven carries that trend's history into the results before {@code allure generate}
 * ({@link PrepareAllureReport}) and, after it ({@code main}), keeps the history Allure advanced —
 * unless the run was interrupted: then its report's history is put back to the trend's, so the next
 * report's trend and "new failed" markers skip it.
 */
public final class KeepJudgedTrend {
  private static final String TREND_FILE = "trend.txt";

  private KeepJudgedTrend() {}

  /** Names the run's trend in its results: its environment and the app it ran. */
  public static void name(AllureResults results, HarnessConfig config) {
    try {
      Files.createDirectories(results.directory());
      Files.writeString(results.directory().resolve(TREND_FILE), keyOf(config) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + TREND_FILE + " in " + results.directory(), e);
    }
  }

  /**
   * {@code <env>/<app>}: the app is the profile's, and on the local stack a team's own build served
   * in its place (local.appBuild) is another app; the stand-in pool's other app client
   * (local.appClient) is another environment.
   */
  static String keyOf(HarnessConfig config) {
    String env = config.env();
    String app = config.app().name();
    if (config.embeddedStack()) {
      LocalStackConfig local = config.localStack();
      env +=
          local.appClient().equals(LocalStackConfig.DEFAULT_CLIENT) ? "" : "+" + local.appClient();
      app += local.appBuild().isEmpty() ? "" : "@" + local.appBuild();
    }
    return safe(env) + "/" + safe(app);
  }

  /** The directory of the run's trend under {@code trends}, or empty if the run named none. */
  static Optional<Path> of(AllureResults results, Path trends) {
    Path file = results.directory().resolve(TREND_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(trends.resolve(Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** {@code args}: the results directory, the report directory, the directory of the trends. */
  public static void main(String[] args) {
    AllureResults results = new AllureResults(Path.of(args[0]));
    Path report = Path.of(args[1]);
    Optional<Path> trend = of(results, Path.of(args[2]));
    boolean interrupted =
        trend.map(t -> keep(results, report, t)).orElse(results.interruptedAt().isPresent());
    if (!interrupted) {
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

  /**
   * After generating: a judged run's report history becomes its trend's; an interrupted run's
   * report gets the trend's back. Says whether the run was interrupted.
   */
  static boolean keep(AllureResults results, Path report, Path trend) {
    boolean interrupted = results.interruptedAt().isPresent();
    Path from = interrupted ? trend.resolve("history") : report.resolve("history");
    Path to = interrupted ? report.resolve("history") : trend.resolve("history");
    delete(to);
    copy(from, to);
    return interrupted;
  }

  private static String safe(String part) {
    return part.replaceAll("[^A-Za-z0-9._@+-]+", "-").replaceAll("^[.-]+", "");
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
