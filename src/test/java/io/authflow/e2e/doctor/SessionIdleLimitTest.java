package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.report.RunEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor warns when a profile's own newCommandTimeout would let Appium end a session while a
 * step still waits, and stays silent with the harness's own value.
 */
class SessionIdleLimitTest {
  private static final String EMULATOR =
      """
      stack: none
      target:
        platform: android
        appium: http://127.0.0.1:4723
        app: https://apps.example.test/app.apk
      %s
      userPool:
        region: eu-west-1
        id: eu-west-1_abc123
        clientId: client123
      inbox:
        type: mailosaur
        serverId: abcd1234
      users:
        emailDomain: abcd1234.mailosaur.net
      """;

  private final Preflight preflight =
      new Preflight(Map.of(), "http://127.0.0.1:1/", new RunEnvironment());

  @TempDir Path configDir;

  @BeforeEach
  void copyDefaults() throws IOException {
    Files.copy(Path.of("config/defaults.yaml"), configDir.resolve("defaults.yaml"));
  }

  @Test
  void theHarnesssOwnLimitNeedsNoWarning() throws IOException {
    assertThat(preflight.sessionIdleLimit(load(EMULATOR.formatted(""), Map.of()))).isEmpty();
  }

  @Test
  void aProfilesLimitBelowTheCodeWaitIsWarnedAboutWithAFix() throws IOException {
    HarnessConfig config =
        load(
            EMULATOR.formatted("  capabilities: {\"appium:newCommandTimeout\": 20}"),
            Map.of("authflow.timeouts.code", "PT45S"));

    var warning = preflight.sessionIdleLimit(config);

    assertThat(warning)
        .hasValueSatisfying(
            line -> {
              assertThat(line.passed()).isTrue();
              assertThat(line.render())
                  .contains("⚠ Session idle limit: newCommandTimeout is 20 s")
                  .contains("timeouts.code lets a step wait 45 s without a command")
                  .contains("Fix: remove newCommandTimeout from target.capabilities");
            });
    Checklist checklist =
        new Checklist("emulator", List.of(warning.get()), java.time.Duration.ZERO);
    assertThat(checklist.passed()).isTrue();
    assertThat(checklist.render()).endsWith("All 1 checks passed, 1 with a warning (⚠).");
  }

  private HarnessConfig load(String yaml, Map<String, String> properties) throws IOException {
    Files.writeString(configDir.resolve("emulator.yaml"), yaml);
    return new ConfigLoader(configDir, properties, Map.of("MAILOSAUR_API_KEY", "test-key"))
        .load("emulator");
  }
}
