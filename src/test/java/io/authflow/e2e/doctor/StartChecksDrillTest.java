package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.local.ProjectCopies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drills of wrong input a QA engineer types: the real feature suite, in a JVM of its own, with a
 * malformed tag expression or a profile that lacks a name, stops within 20 s, before the local
 * stack starts, with one line naming the flag or file and no stack trace.
 */
class StartChecksDrillTest {
  private static final long WITHIN_SECONDS = 20;
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private Path run;

  @BeforeEach
  void aDirectoryOfItsOwn() throws IOException {
    // Its reports and logs go here, not into the project's reports/ (this build's results).
    run = Files.createTempDirectory("authflow-start-checks-");
    Files.createSymbolicLink(run.resolve("features"), PROJECT.resolve("features"));
    Files.createDirectories(run.resolve("config/apps"));
    try (Stream<Path> files = Files.list(PROJECT.resolve("config"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, run.resolve("config").resolve(file.getFileName()));
      }
    }
    try (Stream<Path> files = Files.list(PROJECT.resolve("config/apps"))) {
      for (Path file : files.toList()) {
        Files.copy(file, run.resolve("config/apps").resolve(file.getFileName()));
      }
    }
  }

  @AfterEach
  void removeIt() throws IOException {
    ProjectCopies.delete(run);
  }

  @Test
  void aMalformedTagExpressionStopsTheRunWithOneLineNamingTheFlag() throws Exception {
    String output = runFeatures("-Dcucumber.filter.tags=@smoke and");

    assertThat(output)
        .contains(
            "-Dcucumber.filter.tags=\"@smoke and\": is not a tag expression: Tag expression"
                + " \"@smoke and\" could not be parsed");
    assertStoppedBeforeTheStack(output);
  }

  @Test
  void aProfileWithoutANameTheFeaturesUseStopsTheRunNamingTheFileAndTheName() throws Exception {
    Path profile = run.resolve("config/apps/authenticator-copy.yaml");
    Files.writeString(
        profile,
        Files.readString(PROJECT.resolve("config/apps/amplify-authenticator.yaml"))
            .replace("signIn.submit: amplify__button\n", "")
            .replace("localBuild: src/local/authenticator/dist", "localBuild: " + PROJECT));

    String output = runFeatures("-Dauthflow.app.name=authenticator-copy");

    assertThat(output)
        .contains(profile + " has no 'signIn.submit' (the signIn screen asks for it)")
        .doesNotContain("'signIn.email'");
    assertStoppedBeforeTheStack(output);
  }

  private static void assertStoppedBeforeTheStack(String output) {
    assertThat(output).as("no scenario ran").contains("Feature run: ");
    assertThat(output.lines().filter(l -> l.strip().startsWith("at ")).toList())
        .as("stack trace lines")
        .isEmpty();
    assertThat(output).as("the local stack did not start").doesNotContain("Local stack:");
  }

  private String runFeatures(String flag) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dauthflow.configDir=" + run.resolve("config"));
    command.add(flag);
    command.add(FeatureRunOfTheChecks.class.getName());
    Path log = run.resolve("output.txt");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(run.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = process.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended)
        .as("the run with %s ended within %d s; it printed:%n%s", flag, WITHIN_SECONDS, output)
        .isTrue();
    System.out.printf(
        "Start-checks drill (%s): ended in %d ms%n", flag, (System.nanoTime() - start) / 1_000_000);
    return output;
  }
}
