package io.authflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.local.ProcessOutput;
import io.authflow.e2e.report.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm JVM as a rerun meets it: a real one, started as the rehearsal stack starts it (this
 * JVM's class path, the file argument), in a directory of its own that sees the project's features,
 * so its reruns' reports stay there. The reruns here select no scenario: what they prove is the way
 * in and out (class loaders, logging, output, status), not a journey, which needs the stack.
 */
class WarmJvmTest {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final String SECRET = "s3cr3t-warm-value";
  @TempDir static Path dir;
  private static Process warm;
  private static Path file;

  @BeforeAll
  static void startWarmJvm() throws Exception {
    Files.createSymbolicLink(dir.resolve("features"), Path.of("features").toAbsolutePath());
    Files.createSymbolicLink(dir.resolve("config"), Path.of("config").toAbsolutePath());
    file = dir.resolve("warm-jvm");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The same settings as this JVM's, as the stack gives its own to the warm JVM and the reruns.
    WarmJvm.settings().keySet().stream()
        .filter(name -> name.startsWith("-D"))
        .forEach(name -> command.add(name + "=" + System.getProperty(name.substring(2))));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), WarmJvm.class.getName(), "warm-jvm"));
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    // A secret by the Redactor's rules: the warm JVM's logs must hide it as a run's logs do.
    builder.environment().put("WARM_TEST_API_KEY", SECRET);
    warm = builder.start();
    // Its warm-up says so if it fails, before this line.
    assertThat(ProcessOutput.awaitLine(warm, "Warm", READY_WITHIN, "the warm JVM's start"))
        .startsWith("Warm JVM ready");
  }

  @AfterAll
  static void stopWarmJvm() {
    warm.destroyForcibly();
  }

  @Test
  void aRerunRunsThereAndGetsItsOutputAndStatus() {
    var console = new ByteArrayOutputStream();

    Optional<Integer> status =
        WarmJvm.ask(
            file,
            "cucumber.filter.name",
            "no journey is called this",
            false,
            new PrintStream(console));

    assertThat(status).as(console.toString(StandardCharsets.UTF_8)).contains(1);
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains(
            "No scenario of features/ matches cucumber.filter.name=no journey is called this");
  }

  @Test
  void theRerunLogsThroughTheHarnessLogbackXmlWithSecretsHidden() throws IOException {
    WarmJvm.ask(
        file, "cucumber.filter.name", SECRET, true, new PrintStream(new ByteArrayOutputStream()));

    assertThat(Files.readString(dir.resolve("reports/logs/harness.log")))
        .as("the rerun's own log, through logback.xml's redacting %msg")
        .contains("Rerun in the warm JVM: cucumber.filter.name=" + Redactor.MASK)
        .doesNotContain(SECRET);
  }

  @Test
  void aRerunWithOtherSettingsRunsInItsOwnJvmAndSaysWhich() {
    var console = new ByteArrayOutputStream();
    System.setProperty("authflow.timeouts.step", "PT1S");
    Optional<Integer> status;
    try {
      status = WarmJvm.ask(file, "cucumber.filter.name", "x", false, new PrintStream(console));
    } finally {
      System.clearProperty("authflow.timeouts.step");
    }

    assertThat(status).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("-Dauthflow.timeouts.step differs")
        .doesNotContain("PT1S");
  }

  @Test
  void aStaleTokenIsRefused() throws IOException {
    String[] found = Files.readString(file).strip().split(" ");
    Path stale = Files.writeString(dir.resolve("stale"), found[0] + " 00ff\n");
    var console = new ByteArrayOutputStream();

    Optional<Integer> status =
        WarmJvm.ask(stale, "cucumber.filter.name", "x", false, new PrintStream(console));

    assertThat(status).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("refused the token in " + stale)
        .contains("the rerun starts its own JVM");
  }

  @Test
  void onlyItsOwnerCanReadTheToken() throws IOException {
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void withoutAWarmJvmTheRerunSaysItStartsItsOwn() {
    var console = new ByteArrayOutputStream();

    Optional<Integer> status =
        WarmJvm.ask(
            dir.resolve("absent"), "cucumber.filter.name", "x", false, new PrintStream(console));

    assertThat(status).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("is mvn -Plocal-stack running?");
  }

  @Test
  void aSettingTheRerunLacksIsTheStacks() {
    assertThat(WarmJvm.difference(Map.of("A", "1"), Map.of("A", "1", "B", "2"))).isEmpty();
    assertThat(WarmJvm.difference(Map.of("A", "1", "C", "3"), Map.of("A", "1"))).contains("C");
    assertThat(WarmJvm.difference(Map.of("A", "2"), Map.of("A", "1"))).contains("A");
  }
}
