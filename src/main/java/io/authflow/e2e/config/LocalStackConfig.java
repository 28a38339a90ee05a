package io.authflow.e2e.config;

import java.util.List;

/**
 * What the embedded local stack is asked to be (the {@code local:} section): {@code appClient}
 * names the app client of the stand-in's pool that the app (and the tests) use; {@code appBuild},
 * when not empty, is the static web build the stack serves (else the app profile's localBuild);
 * {@code amplifyOutputs}, when not empty, is the amplify_outputs.json that build imported, whose
 * pool the stand-in becomes (else the profile's localAmplifyOutputs, else Amplify Gen 2's
 * defaults); {@code browser} and {@code chromedriver}, when not empty, are where its Appium finds
 * them (else PATH and the usual install places); {@code emailDailyLimit} is how many emails a day
 * the stand-in's pool sends with Cognito's default account before it refuses codes as Cognito does
 * (Cognito's quota, 50, by default); {@code tokenValidity} is how long its tokens live (Gen 2's
 * defaults unless shortened); {@code pool} is the sign-in factors its pool offers over what the
 * outputs say (MFA, passwordless).
 */
public record LocalStackConfig(
    String appClient,
    String appBuild,
    String amplifyOutputs,
    String browser,
    String chromedriver,
    int emailDailyLimit,
    TokenValidity tokenValidity,
    PoolShape pool) {
  /** Cognito's default email account: 50 emails a day per AWS account and region. */
  public static final int COGNITO_EMAIL_DAILY_LIMIT = 50;

  /** Gen 2's default app client: it hides whether an account exists. */
  public static final String DEFAULT_CLIENT = "app";

  /** The same pool's LEGACY client, which says when an account does not exist. */
  public static final String REVEALING_CLIENT = "revealsUserExistence";

  public static final List<String> CLIENTS = List.of(DEFAULT_CLIENT, REVEALING_CLIENT);

  /** Only where the browser and its driver are; the rest as by default. */
  public static LocalStackConfig browser(String browser, String chromedriver) {
    return new LocalStackConfig(
        DEFAULT_CLIENT,
        "",
        "",
        browser,
        chromedriver,
        COGNITO_EMAIL_DAILY_LIMIT,
        TokenValidity.GEN2,
        PoolShape.AS_OUTPUTS);
  }
}
