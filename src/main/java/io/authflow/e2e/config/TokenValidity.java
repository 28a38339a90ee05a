package io.authflow.e2e.config;

import java.time.Duration;

/**
 * How long the local stack's tokens live ({@code local.tokenValidity}): what its app clients report
 * through DescribeUserPoolClient, as a real pool's clients do. Cognito's minimums (5 minutes,
 * refresh 60 minutes) do not apply locally, so a run can see a session expire.
 */
public record TokenValidity(Duration access, Duration id, Duration refresh) {
  /** Amplify Gen 2's app client (Cognito's defaults): access and ID 60 minutes, refresh 30 days. */
  public static final TokenValidity GEN2 =
      new TokenValidity(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofDays(30));
}
