package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.report.canary.CanaryRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The secret canary: real scenarios run against the embedded local stack with known secret values
 * planted (an API key, AWS credentials, a farm key in the environment; the password a user types),
 * then every file the run wrote under reports/ and its console output are searched for them. The
 * run is a child JVM in a directory of its own, so its reports/ are its alone and the environment
 * can be planted as CI would set it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretCanaryTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private final String tag = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
  // A password the pool's policy accepts; no character JSON or HTML would escape.
  private final String password = "Canary7x" + tag + "#Q";
  private final Map<String, String> planted = new LinkedHashMap<>();
  private Path run;
  private String console;

  @BeforeAll
  void runTheCanaryFeature() throws Exception {
    planted.put("MAILOSAUR_API_KEY", "canary-mailosaur-" + tag);
    planted.put("AWS_ACCESS_KEY_ID", "AKIACANARY" + tag.toUpperCase());
    planted.put("AWS_SECRET_ACCESS_KEY", "canary/aws+secret" + tag);
    planted.put("BROWSERSTACK_ACCESS_KEY", "canary-farm-key-" + tag);

    run = Files.createTempDirectory("authflow-canary-");
    // The stack finds src/local and config/ below its working directory; reports/ stays here.
    Files.createSymbolicLink(run.resolve("src"), PROJECT.resolve("src"));
    Files.createSymbolicLink(run.resolve("config"), PROJECT.resolve("config"));
    Path feature = run.resolve("features/secret_canary/secret_canary.feature");
    Files.createDirectories(feature.getParent());
    try (var in = getClass().getResourceAsStream("/canary/secret_canary.feature")) {
      Files.copy(in, feature);
    }
    Path consoleFile = run.resolve("console.txt");
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CanaryRun.class.getName(),
                "features/secret_canary/secret_canary.feature")
            .directory(run.toFile())
            .redirectErrorStream(true)
            .redirectOutput(consoleFile.toFile());
    child.environment().putAll(planted);
    child.environment().put("CANARY_TYPED_VALUE", password);
    Process process = child.start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "The canary run did not end within 150 s; its output: " + consoleFile);
    }
    console = Files.readString(consoleFile);
  }

  @AfterAll
  void deleteTheRun() throws IOException {
    if (run != null) {
      deleteTree(run);
    }
  }

  @Test
  void theScenariosRanTypedThePasswordAndFailedOnPurpose() throws IOException {
    assertThat(console).as("console of the canary run").contains("Canary run: 2 started, 2 failed");
    assertThat(console).contains("✘ A new user signs up with the canary password");
    String junit = Files.readString(run.resolve("reports/junit/cucumber.xml"));
    assertThat(junit)
        .as("the first scenario reached its last step: signed up, read the code, saw the dashboard")
        .containsPattern("Then they see the dashboard with their email\\.+passed");
    assertThat(Files.readString(run.resolve("reports/local-stack/appium.log")))
        .as("the password was typed, and Appium's log filter hid it")
        .contains("TYPED TEXT HIDDEN");
  }

  @Test
  void theFailedScenariosCarryAllTheEvidence() throws IOException {
    String results = allureResults();
    assertThat(results)
        .contains(
            "\"name\":\"Screenshot at failure\"",
            "\"name\":\"Page source at failure\"",
            "\"name\":\"Appium log of this session\"",
            "\"name\":\"User pool record of ",
            "\"name\":\"Message with the code");
    assertThat(results)
        .as("the journey (folder under features/) is the epic")
        .contains("{\"name\":\"epic\",\"value\":\"Secret canary\"}");
    Path allure = run.resolve("reports/allure-results");
    assertThat(allure.resolve("categories.json")).exists();
    Properties environment = new Properties();
    try (var in = Files.newBufferedReader(allure.resolve("environment.properties"))) {
      environment.load(in);
    }
    assertThat(environment.getProperty("Appium version")).startsWith("3.");
    assertThat(environment.getProperty("Appium driver")).startsWith("Chromium 3.");
    // The stand-in is the pool the app's amplify_outputs.json names: its region, its id masked.
    assertThat(environment.getProperty("User pool")).matches("\\S+ \\S+_\\*+\\w{2}");
  }

  @Test
  void noPlantedSecretAppearsInAnyReportOrLog() throws IOException {
    List<String> leaks = new ArrayList<>();
    Map<String, String> sought = new LinkedHashMap<>(planted);
    sought.put("typed password", password);
    // How Appium's log spells a typed value: one JSON string per character.
    sought.put(
        "typed password, as characters",
        password.chars().mapToObj(c -> "\"" + (char) c + "\"").collect(Collectors.joining(",")));
    List<Path> files;
    try (Stream<Path> all = Files.walk(run.resolve("reports"))) {
      files = new ArrayList<>(all.filter(Files::isRegularFile).toList());
    }
    files.add(run.resolve("console.txt"));
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      sought.forEach(
          (name, value) -> {
            if (content.contains(
                new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
              leaks.add(name + " in " + run.relativize(file));
            }
          });
    }
    assertThat(files).as("files the canary run wrote").hasSizeGreaterThan(10);
    assertThat(leaks).as("planted secrets found in the canary run's reports and logs").isEmpty();
  }

  private String allureResults() throws IOException {
    try (Stream<Path> all = Files.list(run.resolve("reports/allure-results"))) {
      StringBuilder text = new StringBuilder();
      // Attachments of steps are in the results, those of @After hooks in the containers.
      for (Path file : all.filter(f -> f.toString().endsWith(".json")).toList()) {
        text.append(Files.readString(file));
      }
      return text.toString();
    }
  }

  /** Deletes {@code dir}; symbolic links are removed, never followed. */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
