package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor shows the profile check as its own line, and starts nothing when it fails. */
class DoctorStartChecksTest {
  @TempDir Path configDir;

  @Test
  void anIncompleteProfileIsAFailedLineAndTheLocalStackIsNotStarted() throws IOException {
    for (String file : new String[] {"defaults.yaml", "local.yaml"}) {
      Files.copy(Path.of("config", file), configDir.resolve(file));
    }
    Files.createDirectories(configDir.resolve("apps"));
    Files.writeString(
        configDir.resolve("apps/partial.yaml"),
        Files.readString(Path.of("config/apps/reference.yaml"))
            .replace("dashboard.signOut: dashboard.signOut\n", "dashboard.signOut_: x\n"));

    Checklist checklist =
        Doctor.examine(
            () ->
                new ConfigLoader(configDir, Map.of("authflow.app.name", "partial"), Map.of())
                    .load("local"));

    assertThat(checklist.passed()).isFalse();
    assertThat(checklist.render())
        .contains(
            "✘ App profile complete: "
                + configDir.resolve("apps/partial.yaml")
                + " has no 'dashboard.signOut' (the dashboard screen asks for it); did you mean"
                + " 'dashboard.signOut_'?")
        .contains("✔ Cucumber options")
        .doesNotContain("Local stack started");
  }
}
