package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.BackendUnreachableException;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.inbox.InboxUnavailableException;
import io.authflow.e2e.parts.LocalParts;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.screens.ScreenTimeoutException;
import io.authflow.e2e.userpool.CognitoUserPool;
import io.authflow.e2e.userpool.EmailQuotaExceededException;
import io.authflow.e2e.userpool.PoolGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.remote.UnreachableBrowserException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * categories.json as Allure applies it (a result joins every category whose status matches and
 * whose traceRegex matches the whole stack trace, String.matches), against the exceptions the
 * harness really throws: each failure lands in exactly one category, and a stopped Appium or an
 * unreachable pool is an environment fault, never an app defect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoriesTest {
  private HarnessConfig unreachable;

  @BeforeAll
  void load(@TempDir Path configDir) throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Files.copy(Path.of("config/defaults.yaml"), configDir.resolve("defaults.yaml"));
    Files.writeString(
        configDir.resolve("down.yaml"),
        """
        stack: none
        target:
          appium: http://127.0.0.1:%d
        userPool:
          region: eu-west-1
          id: eu-west-1_abc123
          clientId: client123
          endpoint: http://127.0.0.1:%d
          disposable: true
        inbox:
          type: mailosaur
        timeouts:
          session: PT5S
        """
            .formatted(closed, closed));
    unreachable =
        new ConfigLoader(configDir, Map.of(), Map.of("MAILOSAUR_API_KEY", "test-key")).load("down");
  }

  @Test
  void appiumStoppedBeforeTheSessionIsAnEnvironmentFault() {
    AppSession app = new AppSession(unreachable, new RunDevices(), new StackWatch());
    Throwable failure = catchThrowable(app::launch);

    assertThat(categoriesOf(failure)).containsExactly("Environment faults");
  }

  @Test
  void appiumGoneDuringTheScenarioIsAnEnvironmentFault() {
    Throwable failure =
        new UnreachableBrowserException(
            "Error communicating with the remote browser. It may have died.",
            new UncheckedIOException(new ConnectException("Connection refused")));

    assertThat(categoriesOf(failure)).containsExactly("Environment faults");
  }

  @Test
  void anUnreachablePoolOrInboxIsAnEnvironmentFault() {
    var pool = unreachable.userPool();
    Throwable poolDown;
    try (var cognito =
        new CognitoUserPool(
            pool,
            new PoolGuard(pool.id(), true, "authflow", "authflow.test"),
            unreachable.timeouts().api())) {
      poolDown = catchThrowable(() -> cognito.find("authflow-x-1@authflow.test"));
    }

    assertThat(categoriesOf(poolDown)).containsExactly("Environment faults");
    assertThat(categoriesOf(new InboxUnavailableException("Mailosaur answered HTTP 503")))
        .containsExactly("Environment faults");
  }

  @Test
  void aLocalPartThatStoppedIsAnEnvironmentFaultWhateverTheScreenShowed() {
    Throwable standInDead = LocalParts.stopped("The Cognito stand-in stopped (exit code 137)");

    assertThat(categoriesOf(standInDead)).containsExactly("Environment faults");
  }

  @Test
  void anAppThatNeverReachedItsBackendIsAnEnvironmentFaultNotTheInboxOrTheApp() {
    Throwable unreachable =
        new BackendUnreachableException(
            "The app's calls to its backend got no answer while waiting for the dashboard screen:"
                + " https://cognito-idp.us-east-1.amazonaws.com/ (ERR_NAME_NOT_RESOLVED: the host"
                + " name does not resolve).");

    assertThat(categoriesOf(unreachable)).containsExactly("Environment faults");
  }

  @Test
  void cognitosSpentDailyEmailQuotaIsAnEnvironmentFaultNotAMissingCode() {
    Throwable quotaSpent =
        new EmailQuotaExceededException(
            "authflow-x-1@authflow.test",
            "Exceeded daily email limit for the operation or the account. If a higher limit is"
                + " required, please configure your user pool to use your own Amazon SES"
                + " configuration for sending email.",
            false);

    assertThat(quotaSpent)
        .hasMessageContaining("50 emails a day per AWS account and region")
        .hasMessageContaining(
            "Fix: make Amazon SES the pool's sender: senders.email in defineAuth");
    assertThat(categoriesOf(quotaSpent)).containsExactly("Environment faults");
  }

  @Test
  void theAppNotDoingWhatTheScenarioSaysIsAnAppDefect() {
    Throwable wrongEmail =
        catchThrowable(
            () -> assertThat("someone@else.test").isEqualTo("authflow-x-1@authflow.test"));
    Throwable noDashboard =
        new ScreenTimeoutException(
            "Timed out after 15s waiting for the dashboard screen (testID 'dashboard.screen'); it showed the signIn screen, error 'Incorrect username or password.'.");

    assertThat(categoriesOf(wrongEmail)).containsExactly("App defects");
    assertThat(categoriesOf(noDashboard)).containsExactly("App defects");
  }

  @Test
  void wrongScenarioDataIsATestDataProblem() {
    Throwable notATestAddress =
        catchThrowable(
            () ->
                new PoolGuard("eu-west-1_abc", true, "authflow", "authflow.test")
                    .checkDestructive("delete", "customer@example.com"));
    // What AdminCreateUser throws when the harness seeds a user whose email is taken.
    Throwable seededTwice =
        UsernameExistsException.builder().message("User account already exists").build();

    assertThat(categoriesOf(notATestAddress)).containsExactly("Test-data problems");
    assertThat(categoriesOf(seededTwice)).containsExactly("Test-data problems");
  }

  @Test
  void anExpectedMessageIsNeverATestDataProblem() {
    // "Signing up with an email that already has an account" expects these words; when the app
    // shows other ones, that is the app's behaviour, whatever the expected words say.
    Throwable wrongWords =
        catchThrowable(
            () ->
                assertThat(List.of("Something went wrong"))
                    .as("messages the app showed (expected the words for 'emailTaken')")
                    .contains("An account with the given email already exists."));

    assertThat(categoriesOf(wrongWords)).containsExactly("App defects");
  }

  private List<String> categoriesOf(Throwable failure) {
    assertThat(failure).isNotNull();
    return AllureCategories.of(failure);
  }
}
