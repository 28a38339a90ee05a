package io.authflow.e2e.userpool;

import io.authflow.e2e.config.UserPoolConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The user pool through the Cognito admin API (AWS SDK v2). Credentials come from the AWS default
 * chain; a local stand-in (endpoint override) takes fixed placeholder credentials it ignores.
 * Throttling is retried by the SDK's standard retry policy.
 */
public final class CognitoUserPool implements UserPool, AutoCloseable {
  private final CognitoIdentityProviderClient client;
  private final UserPoolConfig config;
  private final PoolGuard guard;

  public CognitoUserPool(UserPoolConfig config, PoolGuard guard) {
    this.config = config;
    this.guard = guard;
    var builder = CognitoIdentityProviderClient.builder().region(Region.of(config.region()));
    if (config.hasEndpointOverride()) {
      builder
          .endpointOverride(URI.create(config.endpoint()))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
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
                              .map(e -> AttributeType.builder().name(e.getKey()).value(e.getValue()).build())
                              .toList()));
          client.adminSetUserPassword(
              r -> r.userPoolId(config.id()).username(email).password(password).permanent(true));
          return find(email)
              .orElseThrow(
                  () -> new IllegalStateException("User " + email + " was created but cannot be found"));
        });
  }

  @Override
  public void delete(String email) {
    guard.checkDestructive("delete", email);
    find(email).ifPresent(user -> deleteUsername(user.username(), email));
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
        .listUsersPaginator(ListUsersRequest.builder().userPoolId(config.id()).filter(filter).build())
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
            case "ResourceNotFoundException" -> " Check userPool.id and userPool.region in " + "config.";
            case "AccessDeniedException", "UnrecognizedClientException", "NotAuthorizedException" ->
                " The AWS credentials need cognito-idp admin permissions on this pool.";
            default -> "";
          };
      throw new UserPoolUnavailableException(
          "User pool " + config.id() + " at " + where() + " refused to " + action + ": " + code + " "
              + e.awsErrorDetails().errorMessage() + "." + fix,
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
      throw new UserPoolUnavailableException("Cannot " + action + " in " + where() + ": " + e.getMessage(), e);
    }
  }

  private String where() {
    return config.hasEndpointOverride()
        ? config.endpoint()
        : "cognito-idp." + config.region() + ".amazonaws.com";
  }
}
