package io.authflow.e2e.userpool;

/**
 * Cognito refused to send a code because the pool's email quota for the day is spent (its
 * LimitExceededException "Exceeded daily email limit…"): an environment fault, not a code that
 * failed to arrive and not an app defect.
 */
public final class EmailQuotaExceededException extends RuntimeException {
  /** The start of Cognito's words, which the app shows as they came. */
  public static final String COGNITO_WORDS = "Exceeded daily email limit";

  /**
   * @param standIn whether the pool is the local stack's stand-in, which keeps the quota as Cognito
   *     does (local.emailDailyLimit) until it restarts
   */
  public EmailQuotaExceededException(String recipient, String shown, boolean standIn) {
    super(
        "Cognito refused to send a code to "
            + recipient
            + ": the user pool's email quota for today is spent (the app showed '"
            + shown
            + "'). A pool that sends with Cognito's default email account may send "
            + EmailSending.COGNITO_DAILY_LIMIT
            + " emails a day per AWS account and region, shared by every run and pool there. Fix: "
            + (standIn
                ? "the local stack's Cognito stand-in keeps that quota (local.emailDailyLimit);"
                    + " restart the stack, or raise local.emailDailyLimit."
                : EmailSending.SES_FIX));
  }

  /** Whether a message the app shows is Cognito's refusal for the spent quota. */
  public static boolean isCognitoRefusal(String shown) {
    return shown != null && shown.contains(COGNITO_WORDS);
  }
}
