package io.authflow.e2e.userpool;

/** A second factor of MFA sign-in, as Cognito names its challenge. */
public enum SecondFactor {
  /** A code from an authenticator app (TOTP), Cognito's software token. */
  AUTHENTICATOR_APP("SOFTWARE_TOKEN_MFA"),
  /** A code sent by SMS to the user's phone_number. */
  SMS("SMS_MFA"),
  /** A code sent to the user's email. */
  EMAIL("EMAIL_OTP");

  private final String apiName;

  SecondFactor(String apiName) {
    this.apiName = apiName;
  }

  /** The challenge's name in the API (and in UserMFASettingList). */
  public String apiName() {
    return apiName;
  }
}
