package io.authflow.e2e.userpool;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How long the app client's access tokens live: DescribeUserPoolClient's AccessTokenValidity in its
 * TokenValidityUnits. Cognito's defaults fill what the client leaves unset (one hour; the unit
 * hours), as Cognito applies them.
 *
 * @param described how the pool said it, for the report (e.g. "AccessTokenValidity 60 minutes")
 */
public record AccessTokenLifetime(String clientId, Duration lifetime, String described) {
  static final int DEFAULT_VALIDITY = 1;
  static final String DEFAULT_UNIT = "hours";

  /** From DescribeUserPoolClient's two fields, either of which may be absent (null). */
  public static AccessTokenLifetime of(String clientId, Integer validity, String unit) {
    int value = validity == null ? DEFAULT_VALIDITY : validity;
    String units = unit == null ? DEFAULT_UNIT : unit.toLowerCase(Locale.ROOT);
    ChronoUnit chrono =
        switch (units) {
          case "seconds" -> ChronoUnit.SECONDS;
          case "minutes" -> ChronoUnit.MINUTES;
          case "hours" -> ChronoUnit.HOURS;
          case "days" -> ChronoUnit.DAYS;
          default ->
              throw new IllegalArgumentException(
                  "App client "
                      + clientId
                      + " gives its access tokens' validity in '"
                      + unit
                      + "', not one of Cognito's units (seconds, minutes, hours, days).");
        };
    String described =
        "AccessTokenValidity "
            + value
            + " "
            + units
            + (validity == null
                ? " (not set: Cognito's default)"
                : unit == null ? " (unit not set: Cognito's default)" : "");
    return new AccessTokenLifetime(clientId, Duration.of(value, chrono), described);
  }
}
