package io.authflow.e2e.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authflow.e2e.config.PasswordPolicy;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import io.authflow.e2e.local.LocalCognito;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** The admin-API adapter against the real Cognito stand-in of the local stack. */
class CognitoUserPoolTest {
  private static final String PREFIX = "authflow";
  private static final String DOMAIN = "authflow.test";
  private static final PasswordPolicy POLICY = new PasswordPolicy(8, true, true, true, true);
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path dir;
  private static LocalCognito cognito;
  private static CognitoUserPool pool;
  // A second admin client, as someone other than the harness would use the pool.
  private static CognitoIdentityProviderClient admin;

  @BeforeAll
  static void startStandIn() {
    cognito = LocalCognito.start(dir);
    pool = poolAt(cognito.endpoint(), cognito.userPoolId(), true);
    admin = cognito.sdkClient();
  }

  @AfterAll
  static void stopStandIn() {
    if (admin != null) {
      admin.close();
    }
    if (pool != null) {
      pool.close();
    }
    if (cognito != null) {
      cognito.close();
    }
  }

  @Test
  void createConfirmedSeedsAConfirmedVerifiedEnabledUser() {
    String email = testAddress("seed");

    PoolUser created = pool.createConfirmed(email, PASSWORD, Map.of());

    assertThat(created.email()).isEqualTo(email);
    assertThat(pool.find(email))
        .hasValueSatisfying(
            user -> {
              assertThat(user.status()).isEqualTo("CONFIRMED");
              assertThat(user.enabled()).isTrue();
              assertThat(user.isVerified("email")).isTrue();
              assertThat(user.email()).isEqualTo(email);
              assertThat(user.created()).isNotNull();
              // Email is the username attribute: Cognito stores the user under its sub.
              assertThat(user.username()).isNotEqualTo(email);
            });
  }

  @Test
  void createConfirmedKeepsExtraAttributes() {
    String email = testAddress("phone");

    pool.createConfirmed(email, PASSWORD, Map.of("phone_number", "+15550100001"));

    assertThat(pool.find(email))
        .hasValueSatisfying(
            user -> assertThat(user.attributes()).containsEntry("phone_number", "+15550100001"));
  }

  // DescribeUserPoolClient: Gen 2's default client hides user existence, the LEGACY one does not.
  @Test
  void existenceErrorsAreTheAppClientsOwnSetting() {
    var legacyConfig =
        new UserPoolConfig(
            cognito.region(),
            cognito.userPoolId(),
            cognito.revealingClientId(),
            cognito.endpoint(),
            true,
            POLICY,
            PolicySource.CONFIG,
            "");

    try (var legacy =
        new CognitoUserPool(
            legacyConfig,
            new PoolGuard(cognito.userPoolId(), true, PREFIX, DOMAIN),
            Duration.ofSeconds(60))) {
      assertThat(pool.existenceErrors())
          .isEqualTo(new ExistenceErrors(cognito.appClientId(), "ENABLED"));
      assertThat(pool.existenceErrors().hidden()).isTrue();
      assertThat(legacy.existenceErrors().hidden()).isFalse();
      assertThat(legacy.existenceErrors().setting()).isEqualTo("LEGACY");
    }
  }

  @Test
  void findOfAnUnknownEmailIsEmpty() {
    assertThat(pool.find(testAddress("nobody"))).isEmpty();
  }

  @Test
  void deleteRemovesTheUser() {
    String email = testAddress("delete");
    pool.createConfirmed(email, PASSWORD, Map.of());

    pool.delete(email);

    assertThat(pool.find(email)).isEmpty();
  }

  @Test
  void hasAccountAsksByNameAndDeleteRemovesByName() {
    String email = testAddress("by-name");
    pool.createConfirmed(email, PASSWORD, Map.of());
    assertThat(pool.hasAccount(email)).isTrue();

    pool.delete(email);

    assertThat(pool.hasAccount(email)).isFalse();
    assertThat(pool.hasAccount(testAddress("never"))).isFalse();
  }

  @Test
  void deleteOfAUserWhoIsGoneAlreadySucceeds() {
    String email = testAddress("gone");

    pool.delete(email);

    assertThat(pool.find(email)).isEmpty();
  }

  // What an admin's disabling leaves: the account, disabled, and the harness still deletes it.
  @Test
  void aDisabledUserStaysInThePoolDisabledAndIsStillDeleted() {
    String email = testAddress("disable");
    pool.createConfirmed(email, PASSWORD, Map.of());

    pool.disable(email);

    assertThat(pool.find(email)).hasValueSatisfying(user -> assertThat(user.enabled()).isFalse());
    pool.delete(email);
    assertThat(pool.hasAccount(email)).isFalse();
  }

  // The stand-in answers as a Gen 2 app client: AccessTokenValidity 60 in minutes.
  @Test
  void theAccessTokenLifetimeIsTheAppClientsOwn() {
    assertThat(pool.accessTokenLifetime())
        .isEqualTo(
            new AccessTokenLifetime(
                cognito.appClientId(), Duration.ofMinutes(60), "AccessTokenValidity 60 minutes"));
  }

  @Test
  void signOutEverywhereReachesThePoolForAUserItHas() {
    String email = testAddress("everywhere");
    pool.createConfirmed(email, PASSWORD, Map.of());

    pool.signOutEverywhere(email);

    assertThatThrownBy(() -> pool.signOutEverywhere(testAddress("nobody")))
        .isInstanceOf(UserPoolUnavailableException.class)
        .hasMessageContaining("refused to sign out")
        .hasMessageContaining("UserNotFoundException");
  }

  @Test
  void disableAndSignOutEverywhereRefuseAnAddressThatIsNoTestAddress() {
    String customer = "customer-" + UUID.randomUUID() + "@example.com";
    createDirectly(customer);

    assertThatThrownBy(() -> pool.disable(customer))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining(customer);
    assertThatThrownBy(() -> pool.signOutEverywhere(customer))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining(customer);
    assertThat(pool.find(customer)).hasValueSatisfying(user -> assertThat(user.enabled()).isTrue());
  }

  @Test
  void deleteRefusesAnAddressThatIsNoTestAddress() {
    String customer = "customer-" + UUID.randomUUID() + "@example.com";
    createDirectly(customer);

    assertThatThrownBy(() -> pool.delete(customer))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining(customer)
        .hasMessageContaining(cognito.userPoolId());
    assertThat(pool.find(customer)).isPresent();
  }

  @Test
  void destructiveCallsRefuseAPoolNotMarkedDisposable() {
    String email = testAddress("keep");
    pool.createConfirmed(email, PASSWORD, Map.of());

    try (var guarded = poolAt(cognito.endpoint(), cognito.userPoolId(), false)) {
      assertThatThrownBy(() -> guarded.delete(email))
          .isInstanceOf(UnsafePoolOperationException.class)
          .hasMessageContaining(cognito.userPoolId())
          .hasMessageContaining("disposable");
      assertThatThrownBy(() -> guarded.sweep(PREFIX + "-", Duration.ZERO))
          .isInstanceOf(UnsafePoolOperationException.class);
      assertThatThrownBy(() -> guarded.createConfirmed(testAddress("new"), PASSWORD, Map.of()))
          .isInstanceOf(UnsafePoolOperationException.class);
      // Reading is harmless and allowed.
      assertThat(guarded.find(email)).isPresent();
    }
    assertThat(pool.find(email)).isPresent();
  }

  @Test
  void sweepDeletesOnlyTestUsersOlderThanTheAge() {
    String batch = PREFIX + "-sweep" + SEQUENCE.incrementAndGet() + "x";
    String first = batch + "-1@" + DOMAIN;
    String second = batch + "-2@" + DOMAIN;
    // Starts like a test user but is at another domain: never a test user.
    String lookalike = batch + "-3@example.com";
    String otherBatch = testAddress("bystander");
    pool.createConfirmed(first, PASSWORD, Map.of());
    pool.createConfirmed(second, PASSWORD, Map.of());
    pool.createConfirmed(otherBatch, PASSWORD, Map.of());
    createDirectly(lookalike);

    assertThat(pool.sweep(batch, Duration.ofHours(2))).isZero();
    assertThat(pool.find(first)).isPresent();
    assertThat(pool.find(second)).isPresent();

    // Age zero: everything created before now is stale.
    assertThat(pool.sweep(batch, Duration.ZERO)).isEqualTo(2);
    assertThat(pool.find(first)).isEmpty();
    assertThat(pool.find(second)).isEmpty();
    assertThat(pool.find(lookalike)).isPresent();
    assertThat(pool.find(otherBatch)).isPresent();
  }

  @Test
  void anUnreachableEndpointIsNamed() throws IOException {
    String endpoint = "http://127.0.0.1:" + closedPort() + "/";

    try (var unreachable = poolAt(endpoint, cognito.userPoolId(), true)) {
      assertThatThrownBy(() -> unreachable.find(testAddress("any")))
          .isInstanceOf(UserPoolUnavailableException.class)
          .hasMessageContaining(endpoint)
          .hasMessageContaining("did not answer")
          .hasMessageContaining("userPool.endpoint");
    }
  }

  @Test
  void aWrongPoolIdIsNamedWithTheFix() {
    try (var wrong = poolAt(cognito.endpoint(), "local_doesNotExist", true)) {
      assertThatThrownBy(() -> wrong.find(testAddress("any")))
          .isInstanceOf(UserPoolUnavailableException.class)
          .hasMessageContaining("local_doesNotExist")
          .hasMessageContaining("ResourceNotFoundException")
          .hasMessageContaining("Check userPool.id and userPool.region");
    }
  }

  private static CognitoUserPool poolAt(String endpoint, String poolId, boolean disposable) {
    var config =
        new UserPoolConfig(
            cognito.region(),
            poolId,
            cognito.appClientId(),
            endpoint,
            disposable,
            POLICY,
            PolicySource.CONFIG,
            "");
    return new CognitoUserPool(
        config, new PoolGuard(poolId, disposable, PREFIX, DOMAIN), Duration.ofSeconds(60));
  }

  private static String testAddress(String what) {
    return PREFIX + "-" + what + "-" + SEQUENCE.incrementAndGet() + "@" + DOMAIN;
  }

  /** A user the harness did not make and must not touch. */
  private static void createDirectly(String email) {
    admin.adminCreateUser(
        r ->
            r.userPoolId(cognito.userPoolId())
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
