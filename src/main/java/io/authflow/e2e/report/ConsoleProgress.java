package io.authflow.e2e.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console of a feature run: one line per finished scenario (mark, name, time, where), the first
 * line of a failure below it, and a summary with counts, time and where the reports are. Replaces
 * Cucumber's pretty and summary output, which print every step.
 */
public final class ConsoleProgress implements ConcurrentEventListener {
  private final PrintStream out;
  // What no event says: a failed preflight, the cleanups that failed.
  private final RunOutcome outcome;
  private final Redactor redactor = Redactor.forThisProcess();
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
  private final List<String> failed = new ArrayList<>();
  private int notJudged;
  // Skipped because they cannot apply here (NotApplicable): no failure, and no pass either.
  private int notApplicable;
  private Instant started = Instant.now();

  /** As Cucumber makes it, by reflection: the outcome is the one of this JVM's run. */
  public ConsoleProgress() {
    this(System.out, RunOutcome.ofThisJvm());
  }

  public ConsoleProgress(PrintStream out, RunOutcome outcome) {
    this.out = out;
    this.outcome = outcome;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, e -> started = e.getInstant());
    publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
    publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
  }

  private synchronized void scenarioFinished(TestCaseFinished event) {
    TestCase scenario = event.getTestCase();
    Result result = event.getResult();
    if (!RunInterruption.judged(event.getInstant())) {
      // Ended after the signal: whatever it showed is the interruption's doing, not the app's.
      notJudged++;
      return;
    }
    boolean applies = !notApplicable(result);
    if (applies) {
      counts.merge(result.getStatus(), 1, Integer::sum);
    } else {
      notApplicable++;
    }
    String where = relative(scenario.getUri()) + ":" + scenario.getLocation().getLine();
    out.println(
        mark(result.getStatus())
            + " "
            + scenario.getName()
            + "  ("
            + seconds(result.getDuration())
            + ", "
            + where
            + ")");
    if (result.getError() != null && result.getStatus() != Status.PASSED) {
      out.println("    " + firstLine(result.getError()));
      if (applies) {
        failed.add(where);
      }
    }
  }

  private synchronized void runFinished(TestRunFinished event) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum() + notApplicable;
    if (RunInterruption.interrupted()) {
      String line = interrupted(total);
      out.println();
      out.println(line);
      RunInterruption.summary(line);
      return;
    }
    StringBuilder summary =
        new StringBuilder()
            .append(total)
            .append(total == 1 ? " scenario: " : " scenarios: ")
            .append(count(Status.PASSED, "passed"))
            .append(", ")
            .append(count(Status.FAILED, "failed"));
    for (Status other :
        List.of(Status.SKIPPED, Status.PENDING, Status.UNDEFINED, Status.AMBIGUOUS)) {
      if (counts.containsKey(other)) {
        summary.append(", ").append(count(other, other.name().toLowerCase(Locale.ROOT)));
      }
    }
    if (notApplicable > 0) {
      summary.append(", ").append(notApplicable).append(" did not apply");
    }
    summary.append(" in ").append(seconds(Duration.between(started, event.getInstant())));
    Path reports = Path.of("reports").toAbsolutePath();
    out.println();
    out.println(summary);
    if (!failed.isEmpty()) {
      out.println("Failed: " + String.join(" ", failed));
      out.println("Rerun only these: mvn verify -Prerun (reads reports/rerun.txt)");
    }
    outcome
        .failedPreflight()
        .ifPresent(
            preflight -> {
              out.println(
                  "Preflight failed: "
                      + preflight.failures().size()
                      + " of "
                      + preflight.checks()
                      + " checks; no scenario ran.");
              preflight.failures().forEach(line -> out.println("  ✘ " + redactor.redact(line)));
            });
    List<String> cleanup = outcome.cleanupFailures();
    if (!cleanup.isEmpty()) {
      out.println("Cleanup failed " + cleanup.size() + " time(s); left behind:");
      cleanup.forEach(line -> out.println("  " + redactor.redact(line)));
    }
    out.println(
        "Reports: " + reports.resolve("allure-report/index.html") + " (made by mvn verify)");
    out.println("         " + reports.resolve("cucumber.html") + ", " + reports.resolve("junit"));
  }

  /** One line: a run cut short has no failures to rerun and no reports worth pointing at. */
  private String interrupted(int judged) {
    StringBuilder line =
        new StringBuilder("Interrupted after ")
            .append(judged)
            .append(" of ")
            .append(judged + notJudged)
            .append(judged + notJudged == 1 ? " scenario: " : " scenarios: ")
            .append(count(Status.PASSED, "passed"));
    for (Status other :
        List.of(
            Status.FAILED, Status.SKIPPED, Status.PENDING, Status.UNDEFINED, Status.AMBIGUOUS)) {
      if (counts.containsKey(other)) {
        line.append(", ").append(count(other, other.name().toLowerCase(Locale.ROOT)));
      }
    }
    if (notApplicable > 0) {
      line.append(", ").append(notApplicable).append(" did not apply");
    }
    return line.append("; nothing was judged after the signal").toString();
  }

  private static boolean notApplicable(Result result) {
    return result.getStatus() == Status.SKIPPED
        && result.getError() != null
        && String.valueOf(result.getError().getMessage()).startsWith(NotApplicable.PREFIX);
  }

  private String count(Status status, String word) {
    return counts.getOrDefault(status, 0) + " " + word;
  }

  private static String mark(Status status) {
    return switch (status) {
      case PASSED -> "✔";
      case FAILED -> "✘";
      case SKIPPED -> "↷";
      default -> "?";
    };
  }

  private String firstLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
    return redactor.redact(message.strip().lines().findFirst().orElse(error.getClass().getName()));
  }

  private static String relative(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return uri.toString();
    }
    Path path = Path.of(uri);
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis < 60_000
        ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
        : (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
  }
}
