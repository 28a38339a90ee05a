package io.authflow.e2e.userpool;

import java.util.List;

/**
 * The sign-in factors a pool offers, as its admin API reports them: MFA (DescribeUserPool's
 * MfaConfiguration OFF, OPTIONAL or ON, and GetUserPoolMfaConfig's factors) and sign-in with a code
 * by email instead of a password (SignInPolicy's AllowedFirstAuthFactors with EMAIL_OTP, and the
 * app client's ExplicitAuthFlows with ALLOW_USER_AUTH).
 */
public record SignInFactors(
    String poolId,
    String mfaConfiguration,
    List<SecondFactor> secondFactors,
    List<String> firstFactors,
    String clientId,
    List<String> clientFlows) {

  public boolean mfaRequired() {
    return "ON".equals(mfaConfiguration);
  }

  /** Whether users may sign in with this second factor (MFA OPTIONAL or ON, and the factor on). */
  public boolean offers(SecondFactor factor) {
    return !"OFF".equals(mfaConfiguration) && secondFactors.contains(factor);
  }

  /** Whether users may sign in with a code sent to their email and no password. */
  public boolean emailCodeSignIn() {
    return firstFactors.contains("EMAIL_OTP") && clientFlows.contains("ALLOW_USER_AUTH");
  }

  /** The pool's MFA settings as the API words them, for a report's reason. */
  public String describeMfa() {
    return "user pool "
        + poolId
        + " has MfaConfiguration "
        + mfaConfiguration
        + " (DescribeUserPool)"
        + ("OFF".equals(mfaConfiguration)
            ? ""
            : " with "
                + (secondFactors.isEmpty()
                    ? "no factor"
                    : String.join(", ", secondFactors.stream().map(SecondFactor::apiName).toList()))
                + " (GetUserPoolMfaConfig)");
  }

  /** The pool's and the app client's first-factor settings, for a report's reason. */
  public String describeFirstFactors() {
    return "user pool "
        + poolId
        + " allows first factors "
        + (firstFactors.isEmpty() ? "[PASSWORD] (no SignInPolicy)" : firstFactors)
        + " (DescribeUserPool SignInPolicy) and app client "
        + clientId
        + " the flows "
        + clientFlows
        + " (DescribeUserPoolClient ExplicitAuthFlows)";
  }
}
