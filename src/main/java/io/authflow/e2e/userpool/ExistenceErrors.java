package io.authflow.e2e.userpool;

/**
 * An app client's PreventUserExistenceErrors setting. With {@code hidden} (ENABLED, Amplify Gen 2's
 * default) Cognito answers an unknown user as it answers a wrong password; without it (LEGACY) it
 * says the user does not exist.
 */
public record ExistenceErrors(String clientId, String setting) {
  public boolean hidden() {
    return "ENABLED".equals(setting);
  }
}
