package io.authflow.e2e.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authflow.e2e.config.PasswordPolicy;
import io.authflow.e2e.config.PoolShape;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import io.authflow.e2e.local.LocalCognito;
import io.authflow.e2e.users.AuthenticatorApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;

/**
 * The pool's sign-in factors and the seeding of users' second factors, through the admin-API
 * adapter against the Cognito stand-in shaped as a pool with MFA optional (TOTP, SMS, email) and
 * sign-in with an email code, and as one that requires MFA with TOTP.
 */
class SecondFactorSeedingTest {
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path optionalDir;
  @TempDir static Path requiredDir;
  private static LocalCognito optional;
  private static LocalCognito required;
  private static CognitoUserPool optionalPool;
  private static CognitoUserPool requiredPool;

  @BeforeAll
  static void startStandIns() {
    optional =
        LocalCognito.start(
            optionalDir, new PoolShape("OPTIONAL", List.of("TOTP", "SMS", "EMAIL"), "true"));
    required = LocalCognito.start(requiredDir, new PoolShape("REQUIRED", List.of("TOTP"), ""));
    optionalPool = poolOf(optional);
    requiredPool = poolOf(required);
  }

  @AfterAll
  static void stopStandIns() {
    for (AutoCloseable part :
        new AutoCloseable[] {optionalPool, requiredPool, optional, required}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void theFactorsAreReadFromThePool() {
    SignInFactors offered = optionalPool.signInFactors();

    assertThat(offered.mfaConfiguration()).isEqualTo("OPTIONAL");
    assertThat(offered.secondFactors())
        .containsExactlyInAnyOrder(
            SecondFactor.AUTHENTICATOR_APP, SecondFactor.SMS, SecondFactor.EMAIL);
    assertThat(offered.mfaRequired()).isFalse();
    assertThat(offered.emailCodeSignIn()).isTrue();

    SignInFactors requiring = requiredPool.signInFactors();
    assertThat(requiring.mfaRequired()).isTrue();
    assertThat(requiring.offers(SecondFactor.AUTHENTICATOR_APP)).isTrue();
    assertThat(requiring.offers(SecondFactor.SMS)).isFalse();
    assertThat(requiring.emailCodeSignIn()).isFalse();
    assertThat(requiring.describeMfa()).contains("MfaConfiguration ON", "SOFTWARE_TOKEN_MFA");
  }

  @Test
  void anAuthenticatorAppIsEnrolledAndPreferredWhereMfaIsOptional() {
    assertEnrols(optional, optionalPool);
  }

  @Test
  void anAuthenticatorAppIsEnrolledThroughTheSetUpWhereMfaIsRequired() {
    assertEnrols(required, requiredPool);
  }

  @Test
  void aWrongCodeAtEnrolmentIsRefusedByThePool() {
    String email = address("wrong-totp");
    optionalPool.createConfirmed(email, PASSWORD, Map.of());

    assertThatThrownBy(
            () -> optionalPool.enrolAuthenticatorApp(email, PASSWORD, secret -> "000000"))
        .isInstanceOf(UserPoolUnavailableException.class)
        .hasMessageContaining("enrol an authenticator app for " + email);
    assertThat(settingsOf(optional, email).userMFASettingList()).isEmpty();
  }

  @Test
  void codesBySmsAndEmailAreTurnedOnAndPreferred() {
    String bySms = address("sms");
    String byEmail = address("email");
    optionalPool.createConfirmed(bySms, PASSWORD, Map.of());
    optionalPool.createConfirmed(byEmail, PASSWORD, Map.of());

    optionalPool.enableCodeBy(bySms, SecondFactor.SMS, "+15550123456");
    optionalPool.enableCodeBy(byEmail, SecondFactor.EMAIL, "");

    AdminGetUserResponse sms = settingsOf(optional, bySms);
    assertThat(sms.preferredMfaSetting()).isEqualTo("SMS_MFA");
    assertThat(sms.userAttributes())
        .anySatisfy(
            a -> {
              assertThat(a.name()).isEqualTo("phone_number");
              assertThat(a.value()).isEqualTo("+15550123456");
            });
    assertThat(settingsOf(optional, byEmail).preferredMfaSetting()).isEqualTo("EMAIL_OTP");
  }

  private static void assertEnrols(LocalCognito cognito, CognitoUserPool pool) {
    String email = address("totp");
    pool.createConfirmed(email, PASSWORD, Map.of());

    String secret =
        pool.enrolAuthenticatorApp(
            email, PASSWORD, key -> new AuthenticatorApp(key).codeAt(Instant.now()));

    assertThat(secret).matches("[A-Z2-7]{16,}=*");
    AdminGetUserResponse user = settingsOf(cognito, email);
    assertThat(user.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
    assertThat(user.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
  }

  private static AdminGetUserResponse settingsOf(LocalCognito cognito, String email) {
    try (var admin = cognito.sdkClient()) {
      return admin.adminGetUser(r -> r.userPoolId(cognito.userPoolId()).username(email));
    }
  }

  private static CognitoUserPool poolOf(LocalCognito cognito) {
    var config =
        new UserPoolConfig(
            cognito.region(),
            cognito.userPoolId(),
            cognito.appClientId(),
            cognito.endpoint(),
            true,
            new PasswordPolicy(8, true, true, true, true),
            PolicySource.CONFIG,
            "");
    return new CognitoUserPool(
        config,
        new PoolGuard(cognito.userPoolId(), true, "authflow", "authflow.test"),
        Duration.ofSeconds(60));
  }

  private static String address(String what) {
    return "authflow-" + what + "-" + SEQUENCE.incrementAndGet() + "@authflow.test";
  }
}
