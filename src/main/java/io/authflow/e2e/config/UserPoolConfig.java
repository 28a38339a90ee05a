package io.authflow.e2e.config;

/**
 * The Cognito user pool under test. {@code endpoint} is set only for a local stand-in; {@code
 * disposable} must be true before the harness deletes anything in it.
 */
public record UserPoolConfig(
    String region,
    String id,
    String clientId,
    String endpoint,
    boolean disposable,
    PasswordPolicy passwordPolicy) {

  public boolean hasEndpointOverride() {
    return !endpoint.isEmpty();
  }
}
