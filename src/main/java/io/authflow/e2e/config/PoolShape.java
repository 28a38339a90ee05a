package io.authflow.e2e.config;

import java.util.List;
import java.util.Set;

/**
 * The sign-in factors the local stack's pool offers over what its amplify_outputs.json says ({@code
 * local.pool}), so one app build runs against several pool shapes: {@code mfa} (NONE, OPTIONAL,
 * REQUIRED: the outputs' mfa_configuration), {@code mfaMethods} (TOTP, SMS, EMAIL: mfa_methods),
 * {@code emailOtpLogin} (true, false: passwordless.email_otp_enabled). Empty keeps the outputs'
 * own.
 */
public record PoolShape(String mfa, List<String> mfaMethods, String emailOtpLogin) {
  static final Set<String> MFA = Set.of("NONE", "OPTIONAL", "REQUIRED");
  static final Set<String> METHODS = Set.of("TOTP", "SMS", "EMAIL");
  static final Set<String> BOOLEANS = Set.of("true", "false");

  /** The outputs' own shape. */
  public static final PoolShape AS_OUTPUTS = new PoolShape("", List.of(), "");

  /** The stand-in's launcher arguments that set it (none for what the outputs decide). */
  public List<String> launcherArguments() {
    var arguments = new java.util.ArrayList<String>();
    if (!mfa.isEmpty()) {
      arguments.addAll(List.of("--mfa", mfa));
    }
    if (!mfaMethods.isEmpty()) {
      arguments.addAll(List.of("--mfa-methods", String.join(",", mfaMethods)));
    }
    if (!emailOtpLogin.isEmpty()) {
      arguments.addAll(List.of("--email-otp-login", emailOtpLogin));
    }
    return arguments;
  }

  /** One line per value not offered, naming the key and the choices. */
  List<String> problems(String file) {
    var problems = new java.util.ArrayList<String>();
    if (!mfa.isEmpty() && !MFA.contains(mfa)) {
      problems.add(
          file
              + ": local.pool.mfa is '"
              + mfa
              + "'; use NONE, OPTIONAL or REQUIRED, or leave it"
              + " empty for the outputs' mfa_configuration (-Dauthflow.local.pool.mfa=…).");
    }
    for (String method : mfaMethods) {
      if (!METHODS.contains(method)) {
        problems.add(
            file
                + ": local.pool.mfaMethods has '"
                + method
                + "'; use TOTP, SMS and EMAIL"
                + " (-Dauthflow.local.pool.mfaMethods=TOTP,SMS).");
      }
    }
    if (!emailOtpLogin.isEmpty() && !BOOLEANS.contains(emailOtpLogin)) {
      problems.add(
          file
              + ": local.pool.emailOtpLogin is '"
              + emailOtpLogin
              + "'; use true or false, or"
              + " leave it empty for the outputs' passwordless.email_otp_enabled.");
    }
    return problems;
  }
}
