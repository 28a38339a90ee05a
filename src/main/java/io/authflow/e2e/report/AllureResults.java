package io.authflow.e2e.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files Allure reads from its results directory besides the results: categories.json (which
 * failures are app defects, environment faults or test-data problems), environment.properties (what
 * the run ran against), history/ (the earlier runs, for trends and retries) and executor.json (the
 * CI build that ran it).
 */
public final class AllureResults {
  private final Path directory;

  public AllureResults(Path directory) {
    this.directory = directory;
  }

  /** The directory allure-cucumber7-jvm writes to: allure.results.directory, as Allure reads it. */
  public static AllureResults ofThisRun() {
    String configured = System.getProperty("allure.results.directory");
    if (configured == null) {
      try (InputStream in = AllureResults.class.getResourceAsStream("/allure.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        configured = properties.getProperty("allure.results.directory", "allure-results");
      } catch (IOException e) {
        throw new UncheckedIOException("allure.properties on the classpath cannot be read", e);
      }
    }
    return new AllureResults(Path.of(configured));
  }

  public Path directory() {
    return directory;
  }

  public void writeCategories() {
    try (InputStream in = AllureResults.class.getResourceAsStream("/allure/categories.json")) {
      if (in == null) {
        throw new IllegalStateException("allure/categories.json is missing from the classpath");
      }
      Files.createDirectories(directory);
      Files.copy(in, directory.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write categories.json into " + directory, e);
    }
  }

  /** Writes {@code entries} (already masked) as environment.properties, in the given order. */
  public void writeEnvironment(Map<String, String> entries) {
    try {
      Files.createDirectories(directory);
      try (Writer out =
          Files.newBufferedWriter(
              directory.resolve("environment.properties"), StandardCharsets.UTF_8)) {
        for (var entry : entries.entrySet()) {
          out.write(escapeKey(entry.getKey()) + "=" + escapeValue(entry.getValue()) + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write environment.properties into " + directory, e);
    }
  }

  /**
   * Copies the history of the last report ({@code <report>/history}) into the results, so the next
   * report shows trends, retries and "new failed" markers across runs. Returns whether there was
   * one: the first report of a checkout has none.
   */
  public boolean carryHistoryFrom(Path report) {
    Path history = report.resolve("history");
    if (!Files.isDirectory(history)) {
      return false;
    }
    try (Stream<Path> files = Files.list(history)) {
      Path target = Files.createDirectories(directory.resolve("history"));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + history + " into " + directory, e);
    }
  }

  /**
   * Writes executor.json when GitHub Actions runs the build (its documented variables: server,
   * repository, run id and number, workflow), so the report names the build and links to it.
   * Returns whether it wrote one.
   */
  public boolean writeExecutor(Map<String, String> env) {
    if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
      return false;
    }
    String repository =
        env.getOrDefault("GITHUB_SERVER_URL", "") + "/" + env.get("GITHUB_REPOSITORY");
    String run = env.getOrDefault("GITHUB_RUN_NUMBER", "");
    ObjectNode executor = new ObjectMapper().createObjectNode();
    executor.put("name", "GitHub Actions");
    executor.put("type", "github");
    executor.put("url", repository);
    if (run.matches("\\d+")) {
      executor.put("buildOrder", Long.parseLong(run));
    }
    executor.put(
        "buildName",
        env.getOrDefault("GITHUB_WORKFLOW", "workflow")
            + " #"
            + run
            + (env.containsKey("GITHUB_JOB") ? " (" + env.get("GITHUB_JOB") + ")" : ""));
    executor.put("buildUrl", repository + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
    executor.put("reportName", "authflow-e2e journeys");
    try {
      Files.createDirectories(directory);
      new ObjectMapper().writeValue(directory.resolve("executor.json").toFile(), executor);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write executor.json into " + directory, e);
    }
  }

  /**
   * Marks as flaky each passed result whose scenario (historyId) failed earlier in the same
   * results: a scenario that passed on a rerun ({@code mvn verify -Prerun}) then shows as flaky,
   * with its failed attempt under Retries, not as plain green. Returns how many were marked.
   */
  public int markFlaky() {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, List<Attempt>> byScenario = new HashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        ObjectNode result = (ObjectNode) json.readTree(file.toFile());
        String historyId = result.path("historyId").asText("");
        if (!historyId.isEmpty()) {
          byScenario
              .computeIfAbsent(historyId, id -> new ArrayList<>())
              .add(new Attempt(file, result));
        }
      }
      int marked = 0;
      for (List<Attempt> attempts : byScenario.values()) {
        attempts.sort(Comparator.comparingLong(a -> a.result().path("stop").asLong()));
        Attempt latest = attempts.get(attempts.size() - 1);
        boolean failedBefore =
            attempts.subList(0, attempts.size() - 1).stream()
                .map(a -> a.result().path("status").asText())
                .anyMatch(status -> status.equals("failed") || status.equals("broken"));
        if (failedBefore && latest.result().path("status").asText().equals("passed")) {
          JsonNode details = latest.result().path("statusDetails");
          ObjectNode statusDetails =
              details.isObject()
                  ? (ObjectNode) details
                  : latest.result().putObject("statusDetails");
          if (!statusDetails.path("flaky").asBoolean()) {
            statusDetails.put("flaky", true);
            json.writeValue(latest.file().toFile(), latest.result());
            marked++;
          }
        }
      }
      return marked;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark flaky results in " + directory, e);
    }
  }

  /**
   * Adds the journey of each result's feature file (its folder under features/) as its epic label,
   * where it has none. Returns how many results were labelled.
   */
  public int labelJourneys() {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    ObjectMapper json = new ObjectMapper();
    int labelled = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        ObjectNode result = (ObjectNode) json.readTree(file.toFile());
        JsonNode labels = result.path("labels");
        if (!labels.isArray() || label(labels, "epic").isPresent()) {
          continue;
        }
        Optional<String> journey =
            label(labels, "gherkin_uri").map(URI::create).flatMap(Journey::of);
        if (journey.isPresent()) {
          ((ArrayNode) labels).addObject().put("name", "epic").put("value", journey.get());
          json.writeValue(file.toFile(), result);
          labelled++;
        }
      }
      return labelled;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot label the results in " + directory, e);
    }
  }

  /** When the run whose results these are was interrupted (RunInterruption's marker), if it was. */
  public Optional<Instant> interruptedAt() {
    Path marker = directory.resolve(RunInterruption.MARKER);
    if (!Files.isRegularFile(marker)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(Files.readString(marker).strip().split(" ")[0]));
    } catch (IOException | DateTimeParseException e) {
      throw new IllegalStateException(marker + " does not say when the run was interrupted", e);
    }
  }

  /** The features' last console line of an interrupted run, kept beside the mark. */
  public Optional<String> interruptionSummary() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve(RunInterruption.MARKER));
      return lines.size() < 2 ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Files every result that ended after the signal at {@code at} as skipped, "run interrupted":
   * whatever it showed then (most often a part the same signal stopped) judged nothing. Returns how
   * many results it changed.
   */
  public int markInterrupted(Instant at) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    ObjectMapper json = new ObjectMapper();
    int marked = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        ObjectNode result = (ObjectNode) json.readTree(file.toFile());
        if (result.path("stop").asLong(Long.MAX_VALUE) < at.toEpochMilli()) {
          continue;
        }
        String status = result.path("status").asText();
        String message = result.path("statusDetails").path("message").asText("");
        if (status.equals("skipped") && message.startsWith(RunInterruption.REASON)) {
          continue;
        }
        notJudged(result);
        // Its failed step judged nothing either: the same signal stops the run's Appium and
        // stand-in, often a moment before this JVM hears it.
        unjudgedSteps(result.path("steps"));
        json.writeValue(file.toFile(), result);
        marked++;
      }
      return marked;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark the interrupted results in " + directory, e);
    }
  }

  private static void notJudged(ObjectNode result) {
    result.put("status", "skipped");
    result.putObject("statusDetails").put("message", RunInterruption.REASON);
  }

  private static void unjudgedSteps(JsonNode steps) {
    for (JsonNode step : steps) {
      String status = step.path("status").asText();
      if (status.equals("failed") || status.equals("broken")) {
        notJudged((ObjectNode) step);
      }
      unjudgedSteps(step.path("steps"));
    }
  }

  private static Optional<String> label(JsonNode labels, String name) {
    for (JsonNode label : labels) {
      if (name.equals(label.path("name").asText())) {
        return Optional.of(label.path("value").asText());
      }
    }
    return Optional.empty();
  }

  private record Attempt(Path file, ObjectNode result) {}

  private static String escapeValue(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** In a key, also a blank, '=' and ':' end it unless escaped. */
  private static String escapeKey(String text) {
    return escapeValue(text).replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:");
  }
}
