package io.authflow.e2e.userpool;

/**
 * How a user pool sends its emails (DescribeUserPool's EmailConfiguration): with Cognito's own
 * account, which has a daily quota, or with the team's Amazon SES (DEVELOPER, from {@code
 * sourceArn}).
 */
public record EmailSending(String account, String sourceArn) {
  /** Cognito's default email account: 50 emails a day per AWS account and region. */
  public static final int COGNITO_DAILY_LIMIT = 50;

  public static final String COGNITO_DEFAULT = "COGNITO_DEFAULT";

  /** The fix for the quota, where a Gen 2 team makes it: their backend's defineAuth. */
  public static final String SES_FIX =
      "make Amazon SES the pool's sender: senders.email in defineAuth (amplify/auth/resource.ts),"
          + " with an SES identity verified for its fromEmail (see"
          + " https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html).";

  /** Whether the quota of Cognito's default account applies (an absent setting is that, too). */
  public boolean cognitoDefault() {
    return !"DEVELOPER".equals(account);
  }
}
