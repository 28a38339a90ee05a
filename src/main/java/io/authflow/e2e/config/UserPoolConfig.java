package io.authflow.e2e.config;

/**
 * The Cognito user pool under test. {@code endpoint} is set only for a local stand-in; {@code
 * disposable} must be true before the harness deletes anything in it; {@code awsProfile} names a
 * profile of the AWS config files (empty: the default credential chain); {@code
 * passwordPolicySource} says whether the policy is the pool's own or the configured guess.
 */
public record UserPoolConfig(
    String region,
    String id,
    String clientId,
    String endpoint,
    boolean disposable,
    PasswordPolicy passwordPolicy,
    PolicySource passwordPolicySource,
    String awsProfile) {

  /** Where {@link #passwordPolicy()} came from. */
  public enum PolicySource {
    /** userPool.passwordPolicy (Amplify's default unless changed): may differ from the pool's. */
    CONFIG,
    /** auth.password_policy of the app's amplify_outputs.json. */
    AMPLIFY_OUTPUTS,
    /** The pool itself, through DescribeUserPool. */
    USER_POOL
  }

  public boolean hasEndpointOverride() {
    return !endpoint.isEmpty();
  }

  public UserPoolConfig withPasswordPolicy(PasswordPolicy policy, PolicySource source) {
    return new UserPoolConfig(
        region, id, clientId, endpoint, disposable, policy, source, awsProfile);
  }
}
