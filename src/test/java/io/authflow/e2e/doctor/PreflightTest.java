package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.RunEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The doctor against the real embedded local stack: healthy, it passes every check; each broken
 * part (Appium down, a wrong pool id, a missing MAILOSAUR_API_KEY on a cloud profile, a testID the
 * app lacks) fails exactly its own line, with a fix. The stack runs in a directory of its own, so
 * its logs do not mix with a feature run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreflightTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private Path root;
  private Path configDir;
  private LocalStack stack;
  private HarnessConfig local;
  // Where the local profile keeps sessions, the preflight's is kept here like a run's.
  private final RunDevices devices = new RunDevices();
  private final Preflight preflight =
      new Preflight(Map.of(), "http://127.0.0.1:1/", new RunEnvironment());

  @BeforeAll
  void startTheLocalStack() throws IOException {
    root = Files.createTempDirectory("authflow-doctor-");
    Files.createSymbolicLink(root.resolve("src"), PROJECT.resolve("src"));
    configDir = root.resolve("config");
    Files.createDirectories(configDir.resolve("apps"));
    for (String file : List.of("defaults.yaml", "local.yaml", "apps/reference.yaml")) {
      Files.copy(PROJECT.resolve("config").resolve(file), configDir.resolve(file));
    }
    stack = new LocalStack(root);
    HarnessConfig asked = new ConfigLoader(configDir, Map.of(), Map.of()).load("local");
    local = asked.completedBy(stack.start(asked));
  }

  @AfterAll
  void stopTheLocalStack() throws IOException {
    devices.closeAll();
    stack.close();
    ProjectCopies.delete(root);
  }

  @Test
  void aHealthyLocalStackPassesEveryCheck() {
    Checklist checklist = preflight.check(local, StackWatch.of(stack), devices, List.of());

    assertThat(checklist.failures()).isEmpty();
    assertThat(checklist.render())
        .contains(
            "✔ Appium reachable", "Appium 3.", "✔ User pool admin access", "✔ Inbox reachable")
        .contains("✔ App's first screen: signIn shows all 7 testIDs of the screen map")
        .contains("✔ App built for this pool: the app's scripts name pool " + local.userPool().id())
        .endsWith("All 5 checks passed.");
  }

  @Test
  void anAppBuiltForAnotherPoolFailsBeforeAnyScenario() {
    var pool = local.userPool();
    HarnessConfig otherPool =
        local.completedBy(
            Discovered.NOTHING.withUserPool(
                new UserPoolConfig(
                    "eu-central-1",
                    "eu-central-1_0therP00l",
                    pool.clientId(),
                    pool.endpoint(),
                    pool.disposable(),
                    pool.passwordPolicy(),
                    pool.passwordPolicySource(),
                    pool.awsProfile())));

    CheckResult built = preflight.appBuiltForPool(otherPool).orElseThrow();

    assertThat(built.passed()).isFalse();
    assertThat(built.render())
        .contains(
            "✘ App built for this pool: the app at " + local.app().url(),
            "calls pool " + pool.id(),
            "but this run's pool is eu-central-1_0therP00l",
            "Fix: give local.amplifyOutputs the amplify_outputs.json the build imported");
  }

  @Test
  void appiumDownFailsTheAppiumLineWithAFix() throws IOException {
    HarnessConfig cloud = cloud(Map.of("target.appium", "http://127.0.0.1:" + closedPort()));

    CheckResult appium = preflight.appium(cloud);

    assertThat(appium.passed()).isFalse();
    assertThat(appium.render())
        .contains(
            "✘ Appium reachable: http://127.0.0.1:",
            "did not answer",
            "Fix: start the Appium server");
  }

  @Test
  void aWrongPoolIdFailsThePoolLineWithAFix() throws IOException {
    HarnessConfig cloud = cloud(Map.of("userPool.id", "local_NoSuchPool"));

    CheckResult pool = preflight.pool(cloud);

    assertThat(pool.passed()).isFalse();
    assertThat(pool.render())
        .contains("✘ User pool admin access", "local_NoSuchPool", "ResourceNotFoundException")
        .contains("Fix: check userPool.id and userPool.region");
  }

  @Test
  void aMissingMailosaurKeyOnACloudProfileFailsItsOwnLine() throws IOException {
    writeCloudProfile();

    Checklist checklist =
        Doctor.examine(
            () -> new ConfigLoader(configDir, cloudProperties(Map.of()), Map.of()).load("cloud"));

    assertThat(checklist.failures())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.render())
                    .contains(
                        "✘ Config valid: the environment variable MAILOSAUR_API_KEY is not set",
                        "export MAILOSAUR_API_KEY="));
  }

  @Test
  void theInboxLineSaysWhyItWasNotCheckedWithoutTheKey() throws IOException {
    assertThat(preflight.inbox(cloud(Map.of())).render())
        .contains("✘ Inbox reachable: not checked: MAILOSAUR_API_KEY is not set");
  }

  @Test
  void aTestIdTheAppLacksFailsTheFirstScreenLineNamingIt() throws IOException {
    Path map = configDir.resolve("apps/reference.yaml");
    String original = Files.readString(map);
    Files.writeString(map, original + "signIn.rememberMe: signIn.rememberMe\n");
    try {
      CheckResult screen = preflight.firstScreen(local, StackWatch.of(stack), devices);

      assertThat(screen.passed()).isFalse();
      assertThat(screen.render())
          .contains("✘ App's first screen: signIn lacks testID 'signIn.rememberMe'")
          .contains("Fix: add the testID to the app, or map the name");
    } finally {
      Files.writeString(map, original);
    }
  }

  /**
   * A cloud-like profile (stack: none, Mailosaur inbox) whose parts point at the running local
   * stack, then {@code overrides} break one of them.
   */
  private HarnessConfig cloud(Map<String, String> overrides) throws IOException {
    writeCloudProfile();
    // The loader needs the key to accept the profile; the preflight reads its own environment.
    return new ConfigLoader(
            configDir, cloudProperties(overrides), Map.of("MAILOSAUR_API_KEY", "test-key"))
        .load("cloud");
  }

  private void writeCloudProfile() throws IOException {
    Files.writeString(
        configDir.resolve("cloud.yaml"),
        """
        stack: none
        userPool:
          region: local
          id: %s
          clientId: %s
          endpoint: %s
          disposable: true
        inbox:
          type: mailosaur
          serverId: abcd1234
        users:
          emailDomain: abcd1234.mailosaur.net
        """
            .formatted(
                local.userPool().id(), local.userPool().clientId(), local.userPool().endpoint()));
  }

  private Map<String, String> cloudProperties(Map<String, String> overrides) {
    Map<String, String> properties = new HashMap<>();
    properties.put("authflow.target.appium", local.target().appium());
    properties.put("authflow.app.url", local.app().url());
    overrides.forEach((key, value) -> properties.put("authflow." + key, value));
    return properties;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
