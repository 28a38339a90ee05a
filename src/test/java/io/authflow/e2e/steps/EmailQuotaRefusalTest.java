package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.inbox.CodeExtractor;
import io.authflow.e2e.inbox.SmtpInbox;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.AuthMessages;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.SignUpScreen;
import io.authflow.e2e.screens.Ui;
import io.authflow.e2e.userpool.EmailQuotaExceededException;
import io.authflow.e2e.users.TestUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A sign-up through the reference app on the embedded local stack, whose pool (on Cognito's default
 * email account, as a Gen 2 pool without senders.email) may send one email a day and has sent it:
 * the stand-in refuses the code with Cognito's LimitExceededException, the app shows Cognito's
 * words, and waiting for the code fails as the spent quota, not as a code that never came.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailQuotaRefusalTest {
  private final RunDevices devices = new RunDevices();
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String PASSWORD = "Corr3ct-Horse!";

  private Path root;
  private LocalStack stack;
  private HarnessConfig config;

  @BeforeAll
  void startTheLocalStackWithADailyLimitOfOne() throws IOException {
    root = Files.createTempDirectory("authflow-email-quota-ui-");
    Files.createSymbolicLink(root.resolve("src"), PROJECT.resolve("src"));
    Path configDir = root.resolve("config");
    Files.createDirectories(configDir.resolve("apps"));
    for (String file : List.of("defaults.yaml", "local.yaml", "apps/reference.yaml")) {
      Files.copy(PROJECT.resolve("config").resolve(file), configDir.resolve(file));
    }
    stack = new LocalStack(root);
    HarnessConfig asked =
        new ConfigLoader(
                configDir,
                // A short wait for the code: the refusal is what this test is about.
                Map.of("authflow.local.emailDailyLimit", "1", "authflow.timeouts.code", "PT5S"),
                Map.of())
            .load("local");
    config = asked.completedBy(stack.start(asked));
  }

  @AfterAll
  void stopTheLocalStack() throws IOException {
    devices.closeAll();
    stack.close();
    ProjectCopies.delete(root);
  }

  @Test
  void aCodeRefusedForTheSpentDailyQuotaFailsAsTheQuotaWithItsFix() {
    spendTheDaysOnlyEmail();
    AppSession app = new AppSession(config, devices, StackWatch.of(stack));
    Ui ui = new Ui(app, AppProfile.of(config), config);
    Codes codes =
        new Codes(
            new SmtpInbox(stack.greenMail(), new CodeExtractor(config.inbox().codePattern())),
            config,
            new Evidence(),
            app,
            new AuthMessages(ui));
    String email = "authflow-quota-2@authflow.test";
    try {
      app.launch();
      new SignInScreen(ui).goToSignUp();
      codes.expectNew();
      new SignUpScreen(ui).signUp(new TestUser(email, PASSWORD, ""));

      Throwable waited = catchThrowable(() -> codes.awaitFor(email));

      assertThat(waited)
          .isInstanceOf(EmailQuotaExceededException.class)
          .hasMessageStartingWith(
              "Cognito refused to send a code to "
                  + email
                  + ": the user pool's email quota for today is spent (the app showed 'Exceeded"
                  + " daily email limit for the operation or the account.")
          .hasMessageContaining("50 emails a day per AWS account and region")
          // The stand-in's own fix: a real pool's (SES through senders.email) would not apply.
          .hasMessageEndingWith(
              "Fix: the local stack's Cognito stand-in keeps that quota (local.emailDailyLimit);"
                  + " restart the stack, or raise local.emailDailyLimit.");
    } finally {
      app.dispose();
    }
  }

  /** One sign-up straight through the API: the pool's one email of the day goes to it. */
  private void spendTheDaysOnlyEmail() {
    var pool = config.userPool();
    try (var cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(pool.endpoint()))
            .region(Region.of(pool.region()))
            // The stand-in checks no signature; placeholders, not credentials.
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build()) {
      cognito.signUp(
          r ->
              r.clientId(pool.clientId())
                  .username("authflow-quota-1@authflow.test")
                  .password(PASSWORD));
    }
  }
}
