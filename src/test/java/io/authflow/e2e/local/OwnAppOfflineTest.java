package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.BackendUnreachableException;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.Ui;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference app as a team's app is: built with its own amplify_outputs.json, calling Cognito's
 * regional host. The local stack answers there as the pool that file names; given another file, the
 * step waiting for the next screen names the host the app called and what happened, instead of
 * timing out on the dashboard. Real stack, Appium and Chromium; each test in a directory of its
 * own.
 */
class OwnAppOfflineTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  // What src/local/app/amplify_outputs.json names: the build imports it.
  private static final String APP_HOST = "cognito-idp.us-east-1.amazonaws.com";
  private static final String APP_POOL = "us-east-1_Rf7kQ2mZp";

  private Path root;
  private LocalStack stack;
  private AppSession session;
  private final RunDevices devices = new RunDevices();

  @BeforeEach
  void linkTheProject() throws IOException {
    root = ProjectCopies.linked("authflow-own-app-");
    stack = new LocalStack(root);
  }

  @AfterEach
  void stop() throws IOException {
    if (session != null) {
      session.dispose();
    }
    devices.closeAll();
    stack.close();
    ProjectCopies.delete(root);
  }

  @Test
  void theAppsCallsArriveAtTheRegionalHostForThePoolOfItsOutputs() {
    HarnessConfig config = start(Map.of());
    assertThat(config.userPool().id()).isEqualTo(APP_POOL);

    // An unknown user on Gen 2's client: the SRP start is answered, the sign-in then refused.
    signIn(config, "nobody-yet@authflow.test");

    Path log = root.resolve("reports/local-stack/cognito.log");
    Awaitility.await("the stand-in's log of the app's SRP start, in " + log)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                Files.readAllLines(log).stream()
                    .anyMatch(
                        line ->
                            line.contains(APP_HOST)
                                && line.contains(APP_POOL)
                                && line.contains("InitiateAuth USER_SRP_AUTH 200")));
  }

  @Test
  void anAppBuiltForAnotherPoolNamesTheHostItCalledAndWhatHappened() throws IOException {
    Path otherOutputs = root.resolve("other_outputs.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode outputs =
        (ObjectNode) json.readTree(PROJECT.resolve("src/local/app/amplify_outputs.json").toFile());
    ((ObjectNode) outputs.get("auth"))
        .put("aws_region", "eu-central-1")
        .put("user_pool_id", "eu-central-1_0therP00l")
        .put("identity_pool_id", "eu-central-1:00000000-0000-4000-8000-000000000000");
    json.writeValue(otherOutputs.toFile(), outputs);
    HarnessConfig config =
        start(
            Map.of(
                "authflow.local.amplifyOutputs",
                otherOutputs.toString(),
                "authflow.timeouts.screen",
                "PT4S"));

    Ui ui = signIn(config, "someone@authflow.test");

    var e =
        catchThrowableOfType(
            BackendUnreachableException.class, () -> new DashboardScreen(ui).awaitShown());

    assertThat(e)
        .as("the wait for the dashboard names the app's unanswered call")
        .isNotNull()
        .hasMessageContaining("while waiting for the dashboard screen")
        .hasMessageContaining("https://" + APP_HOST + "/ (ERR_NAME_NOT_RESOLVED")
        .hasMessageContaining(
            "reaches only cognito-idp.eu-central-1.amazonaws.com and"
                + " cognito-identity.eu-central-1.amazonaws.com at the local stack");
  }

  private HarnessConfig start(Map<String, String> flags) {
    HarnessConfig asked = new ConfigLoader(root.resolve("config"), flags, Map.of()).load("local");
    return asked.completedBy(stack.start(asked));
  }

  private Ui signIn(HarnessConfig config, String email) {
    session = new AppSession(config, devices, StackWatch.of(stack));
    Ui ui = new Ui(session, AppProfile.of(config), config);
    session.launch();
    new SignInScreen(ui).signIn(email, "Corr3ct-Horse!");
    return ui;
  }
}
