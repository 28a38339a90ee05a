package io.authflow.e2e.userpool;

import io.authflow.e2e.config.PasswordPolicy;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The user pool through the Cognito admin API (AWS SDK v2). Credentials come from the AWS default
 * chain, or from the profile userPool.awsProfile names; a local stand-in (endpoint override) takes
 * fixed placeholder credentials it ignores. Throttling is retried by the SDK's standard retry
 * strategy with exponential back-off and jitter.
 */
public final class CognitoUserPool implements UserPool, AutoCloseable {
  // The admin quotas are per account and region and shared with everything else there (UserUpdate
  // 25/s, UserList 30/s): parallel workers and other teams' jobs can exceed them for a few
  // seconds, so a throttled call gets more attempts than the SDK's default 3.
  static final int MAX_ATTEMPTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(CognitoUserPool.class);

  /** The name of the harness's own app client, for enrolling users' authenticator apps. */
  public static final String SEEDING_CLIENT = "authflow-e2e-seeding";

  private final CognitoIdentityProviderClient client;
  private final UserPoolConfig config;
  private final PoolGuard guard;

  // Read once: the app client's settings do not change during a run.
  private ExistenceErrors existenceErrors;
  private AccessTokenLifetime accessTokenLifetime;
  private SignInFactors signInFactors;
  // The harness's own app client for enrolling authenticator apps, made on first need.
  private String seedingClientId;

  /** {@code callTimeout} bounds each call, its retries included (timeouts.api). */
  public CognitoUserPool(UserPoolConfig config, PoolGuard guard, Duration callTimeout) {
    this.config = config;
    this.guard = guard;
    var builder =
        CognitoIdentityProviderClient.builder()
            .region(Region.of(config.region()))
            .overrideConfiguration(
                o ->
                    o.apiCallTimeout(callTimeout)
                        .retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .build()));
    if (config.hasEndpointOverride()) {
      builder
          .endpointOverride(URI.create(config.endpoint()))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else if (!config.awsProfile().isEmpty()) {
      builder.credentialsProvider(ProfileCredentialsProvider.create(config.awsProfile()));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    this.client = builder.build();
  }

  @Override
  public Optional<PoolUser> find(String email) {
    return call(
        "look up " + email,
        () ->
            listUsers("email = \"" + email + "\"").stream()
                .findFirst()
                .map(CognitoUserPool::toPoolUser));
  }

  @Override
  public boolean hasAccount(String email) {
    return call(
        "look up " + email + " by name",
        () -> {
          try {
            client.adminGetUser(r -> r.userPoolId(config.id()).username(email));
            return true;
          } catch (UserNotFoundException absent) {
            return false;
          }
        });
  }

  @Override
  public PoolUser createConfirmed(String email, String password, Map<String, String> attributes) {
    guard.checkDestructive("create a user", email);
    Map<String, String> all = new HashMap<>(attributes);
    all.put("email", email);
    all.putIfAbsent("email_verified", "true");
    return call(
        "create confirmed user " + email,
        () -> {
          client.adminCreateUser(
              r ->
                  r.userPoolId(config.id())
                      .username(email)
                      .messageAction(MessageActionType.SUPPRESS)
                      .userAttributes(
                          all.entrySet().stream()
                              .map(
                                  e ->
                                      AttributeType.builder()
                                          .name(e.getKey())
                                          .value(e.getValue())
                                          .build())
                              .toList()));
          client.adminSetUserPassword(
              r -> r.userPoolId(config.id()).username(email).password(password).permanent(true));
          return find(email)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "User " + email + " was created but cannot be found"));
        });
  }

  @Override
  public void delete(String email) {
    guard.checkDestructive("delete", email);
    // By the address itself: Cognito takes an email alias as the username of admin calls, and a
    // search (ListUsers) can miss a user it has not indexed yet.
    deleteUsername(email, email);
  }

  @Override
  public void signOutEverywhere(String email) {
    guard.checkDestructive("sign out everywhere", email);
    call(
        "sign out " + email + " everywhere",
        () -> client.adminUserGlobalSignOut(r -> r.userPoolId(config.id()).username(email)));
  }

  @Override
  public void disable(String email) {
    guard.checkDestructive("disable", email);
    call(
        "disable " + email,
        () -> client.adminDisableUser(r -> r.userPoolId(config.id()).username(email)));
  }

  @Override
  public int countTestUsers(String prefix) {
    return call(
        "list test users",
        () ->
            (int)
                listUsers("email ^= \"" + prefix + "\"").stream()
                    .map(CognitoUserPool::toPoolUser)
                    .filter(u -> guard.isTestAddress(u.email()))
                    .count());
  }

  @Override
  public int sweep(String prefix, Duration age) {
    guard.checkDestructive("sweep test users", null);
    Instant cutoff = Instant.now().minus(age);
    List<PoolUser> stale =
        call(
            "list test users",
            () ->
                listUsers("email ^= \"" + prefix + "\"").stream()
                    .map(CognitoUserPool::toPoolUser)
                    .filter(u -> guard.isTestAddress(u.email()) && u.created().isBefore(cutoff))
                    .toList());
    stale.forEach(u -> deleteUsername(u.username(), u.email()));
    return stale.size();
  }

  /**
   * The pool config with the policy test passwords must satisfy: amplify_outputs.json's when the
   * config took it from there, else the pool's own (DescribeUserPool). Without permission for
   * DescribeUserPool the configured policy stays, with a warning: a wrong guess shows as refused
   * sign-ups, not as a failed run start.
   */
  public UserPoolConfig withPoolPasswordPolicy() {
    if (config.passwordPolicySource() == PolicySource.AMPLIFY_OUTPUTS) {
      return config;
    }
    try {
      PasswordPolicyType policy =
          call(
              "describe the pool",
              () ->
                  client
                      .describeUserPool(r -> r.userPoolId(config.id()))
                      .userPool()
                      .policies()
                      .passwordPolicy());
      return config.withPasswordPolicy(
          new PasswordPolicy(
              policy.minimumLength(),
              Boolean.TRUE.equals(policy.requireUppercase()),
              Boolean.TRUE.equals(policy.requireLowercase()),
              Boolean.TRUE.equals(policy.requireNumbers()),
              Boolean.TRUE.equals(policy.requireSymbols())),
          PolicySource.USER_POOL);
    } catch (UserPoolUnavailableException e) {
      if (e.getCause() instanceof CognitoIdentityProviderException c
          && c.awsErrorDetails() != null
          && "AccessDeniedException".equals(c.awsErrorDetails().errorCode())) {
        LOG.warn(
            "Cannot read the password policy of user pool {} (cognito-idp:DescribeUserPool is not"
                + " allowed, and userPool.amplifyOutputs gives none); test passwords follow"
                + " userPool.passwordPolicy {}",
            config.id(),
            config.passwordPolicy());
        return config;
      }
      throw e;
    }
  }

  /**
   * How the pool sends email (DescribeUserPool's EmailConfiguration); a pool that names no
   * configuration sends with Cognito's default account, as Cognito does then.
   */
  public EmailSending emailSending() {
    var email =
        call(
                "describe the pool",
                () -> client.describeUserPool(r -> r.userPoolId(config.id())).userPool())
            .emailConfiguration();
    return email == null
        ? new EmailSending(EmailSending.COGNITO_DEFAULT, "")
        : new EmailSending(
            email.emailSendingAccountAsString() == null
                ? EmailSending.COGNITO_DEFAULT
                : email.emailSendingAccountAsString(),
            email.sourceArn() == null ? "" : email.sourceArn());
  }

  @Override
  public synchronized ExistenceErrors existenceErrors() {
    if (existenceErrors == null) {
      existenceErrors =
          new ExistenceErrors(
              config.clientId(), describeAppClient().preventUserExistenceErrorsAsString());
    }
    return existenceErrors;
  }

  @Override
  public synchronized AccessTokenLifetime accessTokenLifetime() {
    if (accessTokenLifetime == null) {
      var appClient = describeAppClient();
      accessTokenLifetime =
          AccessTokenLifetime.of(
              config.clientId(),
              appClient.accessTokenValidity(),
              appClient.tokenValidityUnits() == null
                  ? null
                  : appClient.tokenValidityUnits().accessTokenAsString());
    }
    return accessTokenLifetime;
  }

  @Override
  public synchronized SignInFactors signInFactors() {
    if (signInFactors == null) {
      var pool =
          call(
              "describe the pool",
              () -> client.describeUserPool(r -> r.userPoolId(config.id())).userPool());
      var mfa =
          call(
              "read the pool's MFA configuration",
              () -> client.getUserPoolMfaConfig(r -> r.userPoolId(config.id())));
      List<SecondFactor> factors = new ArrayList<>();
      if (mfa.softwareTokenMfaConfiguration() != null
          && Boolean.TRUE.equals(mfa.softwareTokenMfaConfiguration().enabled())) {
        factors.add(SecondFactor.AUTHENTICATOR_APP);
      }
      if (mfa.smsMfaConfiguration() != null) {
        factors.add(SecondFactor.SMS);
      }
      if (mfa.emailMfaConfiguration() != null) {
        factors.add(SecondFactor.EMAIL);
      }
      var signInPolicy = pool.policies() == null ? null : pool.policies().signInPolicy();
      signInFactors =
          new SignInFactors(
              config.id(),
              pool.mfaConfigurationAsString() == null ? "OFF" : pool.mfaConfigurationAsString(),
              List.copyOf(factors),
              signInPolicy == null ? List.of() : signInPolicy.allowedFirstAuthFactorsAsStrings(),
              config.clientId(),
              describeAppClient().explicitAuthFlowsAsStrings());
    }
    return signInFactors;
  }

  @Override
  public void enableCodeBy(String email, SecondFactor factor, String mobile) {
    guard.checkDestructive("turn on MFA by " + factor.apiName() + " for", email);
    call(
        "turn on " + factor.apiName() + " for " + email,
        () -> {
          if (factor == SecondFactor.SMS) {
            client.adminUpdateUserAttributes(
                r ->
                    r.userPoolId(config.id())
                        .username(email)
                        .userAttributes(
                            AttributeType.builder().name("phone_number").value(mobile).build(),
                            AttributeType.builder()
                                .name("phone_number_verified")
                                .value("true")
                                .build()));
            return client.adminSetUserMFAPreference(
                r ->
                    r.userPoolId(config.id())
                        .username(email)
                        .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));
          }
          if (factor == SecondFactor.EMAIL) {
            return client.adminSetUserMFAPreference(
                r ->
                    r.userPoolId(config.id())
                        .username(email)
                        .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));
          }
          throw new IllegalArgumentException(
              factor + " is no code sent by the pool; use enrolAuthenticatorApp");
        });
  }

  /**
   * The app's own client cannot sign in without SRP (Gen 2's allows only SRP, custom auth and
   * refresh), so enrolment signs in on a client of the harness's own with the admin password flow:
   * on a pool that requires MFA, that answers MFA_SETUP, whose Session AssociateSoftwareToken takes
   * (then AdminRespondToAuthChallenge finishes the set-up); otherwise tokens, whose access token it
   * takes.
   */
  @Override
  public String enrolAuthenticatorApp(
      String email, String password, UnaryOperator<String> appCode) {
    guard.checkDestructive("enrol an authenticator app for", email);
    String seedingClient = seedingClient();
    return call(
        "enrol an authenticator app for " + email,
        () -> {
          var signIn =
              client.adminInitiateAuth(
                  r ->
                      r.userPoolId(config.id())
                          .clientId(seedingClient)
                          .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                          .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
          String secret;
          if (signIn.challengeName() == ChallengeNameType.MFA_SETUP) {
            var associated = client.associateSoftwareToken(r -> r.session(signIn.session()));
            secret = associated.secretCode();
            var verified =
                client.verifySoftwareToken(
                    r ->
                        r.session(associated.session())
                            .userCode(appCode.apply(associated.secretCode())));
            client.adminRespondToAuthChallenge(
                r ->
                    r.userPoolId(config.id())
                        .clientId(seedingClient)
                        .challengeName(ChallengeNameType.MFA_SETUP)
                        .session(verified.session())
                        .challengeResponses(Map.of("USERNAME", email)));
          } else if (signIn.authenticationResult() != null) {
            String token = signIn.authenticationResult().accessToken();
            secret = client.associateSoftwareToken(r -> r.accessToken(token)).secretCode();
            client.verifySoftwareToken(r -> r.accessToken(token).userCode(appCode.apply(secret)));
          } else {
            throw new IllegalStateException(
                "Signing "
                    + email
                    + " in to enrol an authenticator app met the challenge "
                    + signIn.challengeNameAsString()
                    + "; only a user with no second factor yet can be enrolled.");
          }
          client.adminSetUserMFAPreference(
              r ->
                  r.userPoolId(config.id())
                      .username(email)
                      .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
          return secret;
        });
  }

  /**
   * The harness's client for enrolment ({@link #SEEDING_CLIENT}): found by name, else made once
   * (CreateUserPoolClient) and kept for later runs, so a pool holds one whatever the runs.
   */
  private synchronized String seedingClient() {
    if (seedingClientId == null) {
      seedingClientId =
          call(
              "make the harness's own app client " + SEEDING_CLIENT,
              () ->
                  client
                      .listUserPoolClientsPaginator(r -> r.userPoolId(config.id()).maxResults(60))
                      .userPoolClients()
                      .stream()
                      .filter(c -> SEEDING_CLIENT.equals(c.clientName()))
                      .map(c -> c.clientId())
                      .findFirst()
                      .orElseGet(
                          () ->
                              client
                                  .createUserPoolClient(
                                      r ->
                                          r.userPoolId(config.id())
                                              .clientName(SEEDING_CLIENT)
                                              .explicitAuthFlows(
                                                  ExplicitAuthFlowsType
                                                      .ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                                  ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                                  .userPoolClient()
                                  .clientId()));
    }
    return seedingClientId;
  }

  private UserPoolClientType describeAppClient() {
    return call(
        "describe app client " + config.clientId(),
        () ->
            client
                .describeUserPoolClient(r -> r.userPoolId(config.id()).clientId(config.clientId()))
                .userPoolClient());
  }

  /**
   * Proves the pool answers and allows the admin calls the suite makes, without changing it:
   * ListUsers, DescribeUserPoolClient of the app client, then AdminGetUser and AdminDeleteUser for
   * {@code absentEmail}, a test address no user has; "no such user" is the permitted answer.
   * AdminCreateUser and AdminSetUserPassword cannot be probed without writing, so they are not.
   *
   * @throws UserPoolUnavailableException naming the call refused and the fix
   */
  public void probeAdminAccess(String absentEmail) {
    guard.checkDestructive("probe admin access", absentEmail);
    call("list users", () -> client.listUsers(r -> r.userPoolId(config.id()).limit(1)));
    existenceErrors();
    for (String action : List.of("AdminGetUser", "AdminDeleteUser")) {
      call(
          "answer " + action,
          () -> {
            try {
              if (action.equals("AdminGetUser")) {
                client.adminGetUser(r -> r.userPoolId(config.id()).username(absentEmail));
              } else {
                client.adminDeleteUser(r -> r.userPoolId(config.id()).username(absentEmail));
              }
            } catch (UserNotFoundException permitted) {
              // The call was allowed and found nobody, as intended.
            }
            return null;
          });
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private void deleteUsername(String username, String email) {
    call(
        "delete " + email,
        () -> {
          try {
            client.adminDeleteUser(r -> r.userPoolId(config.id()).username(username));
          } catch (UserNotFoundException alreadyGone) {
            // Deleted meanwhile (e.g. by the sweeper of a parallel run): the goal is reached.
          }
          return null;
        });
  }

  private List<UserType> listUsers(String filter) {
    List<UserType> users = new ArrayList<>();
    client
        .listUsersPaginator(
            ListUsersRequest.builder().userPoolId(config.id()).filter(filter).build())
        .users()
        .forEach(users::add);
    return users;
  }

  private static PoolUser toPoolUser(UserType user) {
    Map<String, String> attributes = new HashMap<>();
    user.attributes().forEach(a -> attributes.put(a.name(), a.value()));
    return new PoolUser(
        user.username(),
        user.userStatusAsString(),
        Boolean.TRUE.equals(user.enabled()),
        user.userCreateDate(),
        attributes);
  }

  /** Runs an admin call; a failure names the pool, the endpoint and the likely fix. */
  private <T> T call(String action, Supplier<T> body) {
    try {
      return body.get();
    } catch (CognitoIdentityProviderException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      String fix =
          switch (code) {
            case "ResourceNotFoundException" ->
                " Check userPool.id and userPool.region in " + "config.";
            case "AccessDeniedException", "UnrecognizedClientException", "NotAuthorizedException" ->
                " The AWS credentials need cognito-idp admin permissions on this pool.";
            default -> "";
          };
      throw new UserPoolUnavailableException(
          "User pool "
              + config.id()
              + " at "
              + where()
              + " refused to "
              + action
              + ": "
              + code
              + " "
              + e.awsErrorDetails().errorMessage()
              + "."
              + fix,
          e);
    } catch (SdkClientException e) {
      throw new UserPoolUnavailableException(
          "Cannot "
              + action
              + ": the Cognito admin API at "
              + where()
              + " did not answer ("
              + e.getMessage()
              + "). Check userPool.endpoint / userPool.region and the network.",
          e);
    } catch (SdkException e) {
      throw new UserPoolUnavailableException(
          "Cannot " + action + " in " + where() + ": " + e.getMessage(), e);
    }
  }

  private String where() {
    return config.hasEndpointOverride()
        ? config.endpoint()
        : "cognito-idp." + config.region() + ".amazonaws.com";
  }
}
