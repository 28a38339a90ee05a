package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.local.LocalCognito;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.report.RunEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The doctor's email quota line against the Cognito stand-in, through the real DescribeUserPool
 * call: the stand-in's own pool reports Cognito's default email account (as a Gen 2 pool without
 * senders.email does), a pool created with SES as its sender reports DEVELOPER. The check proper
 * runs on real pools only; the tests call it past that condition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailQuotaCheckTest {
  private static final String SHARE = "this run asks for about 10 email codes";
  private final Preflight preflight =
      new Preflight(Map.of(), "http://127.0.0.1:1/", new RunEnvironment());
  private Path dir;
  private LocalCognito cognito;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("authflow-email-quota-");
    cognito = LocalCognito.start(dir);
  }

  @AfterAll
  void stop() throws IOException {
    cognito.close();
    ProjectCopies.delete(dir);
  }

  @Test
  void aPoolOnCognitosDefaultEmailAccountWarnsWithTheRunsShareAndTheFix() throws IOException {
    CheckResult quota = preflight.emailQuota(configFor(cognito.userPoolId()), SHARE);

    assertThat(quota.passed()).isTrue();
    assertThat(quota.render())
        .startsWith(
            "  ⚠ Email sending quota: pool "
                + cognito.userPoolId()
                + " sends with Cognito's default email account (COGNITO_DEFAULT), at most 50"
                + " emails a day per AWS account and region")
        .contains(SHARE, "Cognito refuses every code (LimitExceededException)")
        .contains("Fix: make Amazon SES the pool's sender: senders.email in defineAuth")
        .contains("https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html");
  }

  @Test
  void aPoolSendingWithSesPasses() throws IOException {
    String sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.test";
    String sesPool;
    try (var sdk = cognito.sdkClient()) {
      sesPool =
          sdk.createUserPool(
                  r ->
                      r.poolName("sends-with-ses")
                          .usernameAttributes(UsernameAttributeType.EMAIL)
                          .emailConfiguration(
                              e ->
                                  e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                                      .sourceArn(sourceArn)))
              .userPool()
              .id();
    }

    CheckResult quota = preflight.emailQuota(configFor(sesPool), SHARE);

    assertThat(quota.render())
        .isEqualTo(
            "  ✔ Email sending quota: pool "
                + sesPool
                + " sends with Amazon SES (DEVELOPER, "
                + sourceArn
                + "): Cognito's daily email quota does not apply");
  }

  @Test
  void aStandInIsNotCheckedItsQuotaIsNoRealOne() throws IOException {
    assertThat(preflight.emailQuota(configFor(cognito.userPoolId()))).isEmpty();
  }

  /** A profile whose pool is {@code poolId} on the stand-in (stack: none, as a rehearsal). */
  private HarnessConfig configFor(String poolId) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config-" + poolId));
    Files.copy(
        Path.of("config/defaults.yaml"),
        configDir.resolve("defaults.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        configDir.resolve("standin.yaml"),
        """
        stack: none
        target:
          appium: http://127.0.0.1:1
        userPool:
          region: %s
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
            .formatted(cognito.region(), poolId, cognito.appClientId(), cognito.endpoint()));
    return new ConfigLoader(configDir, Map.of(), Map.of("MAILOSAUR_API_KEY", "test-key"))
        .load("standin");
  }
}
