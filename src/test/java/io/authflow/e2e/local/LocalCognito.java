package io.authflow.e2e.local;

import com.icegreen.greenmail.util.GreenMail;
import io.authflow.e2e.config.LocalStackConfig;
import io.authflow.e2e.config.PoolShape;
import io.authflow.e2e.config.TokenValidity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito stand-in and its SMTP inbox, started as the local stack starts them, for the
 * component tests of the code that talks to Cognito. One per test class: starting takes a second.
 */
public final class LocalCognito implements AutoCloseable {
  private static final Path LAUNCHER_DIR = Path.of("src/local/cognito");
  // The reference app's backend, as config/local.yaml gives it to the local stack.
  private static final String REFERENCE_APP_OUTPUTS = "src/local/app/amplify_outputs.json";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final InboxServer inbox;
  private final CognitoStandIn cognito;

  private LocalCognito(InboxServer inbox, CognitoStandIn cognito) {
    this.inbox = inbox;
    this.cognito = cognito;
  }

  /** Starts both parts; {@code dir} holds the stand-in's data and both logs. */
  public static LocalCognito start(Path dir) {
    return start(dir, TokenValidity.GEN2);
  }

  /** As {@link #start(Path)}, with tokens that live as {@code tokenValidity} says. */
  public static LocalCognito start(Path dir, TokenValidity tokenValidity) {
    return start(dir, tokenValidity, PoolShape.AS_OUTPUTS);
  }

  /** As {@link #start(Path)}, with the sign-in factors {@code pool} gives over the outputs'. */
  public static LocalCognito start(Path dir, PoolShape pool) {
    return start(dir, TokenValidity.GEN2, pool);
  }

  private static LocalCognito start(Path dir, TokenValidity tokenValidity, PoolShape pool) {
    Path logDir = dir.resolve("logs");
    InboxServer inbox = new InboxServer(logDir);
    inbox.start();
    CognitoStandIn cognito =
        new CognitoStandIn(
            LAUNCHER_DIR,
            dir,
            inbox.port(),
            REFERENCE_APP_OUTPUTS,
            "app",
            LocalStackConfig.COGNITO_EMAIL_DAILY_LIMIT,
            tokenValidity,
            pool,
            START_TIMEOUT,
            logDir);
    try {
      cognito.start();
    } catch (RuntimeException e) {
      inbox.close();
      throw e;
    }
    return new LocalCognito(inbox, cognito);
  }

  public String endpoint() {
    return cognito.endpoint();
  }

  public String region() {
    return cognito.region();
  }

  public String userPoolId() {
    return cognito.userPoolId();
  }

  /**
   * Amplify Gen 2's default app client, the one the app uses: PreventUserExistenceErrors ENABLED,
   * SRP, custom auth and refresh, no USER_PASSWORD_AUTH.
   */
  public String appClientId() {
    return cognito.clientId("app");
  }

  /** The same client as a LEGACY one: it says when an account does not exist. */
  public String revealingClientId() {
    return cognito.clientId("revealsUserExistence");
  }

  /** An AWS SDK client of the stand-in, as a Java client of real Cognito would be; close it. */
  public CognitoIdentityProviderClient sdkClient() {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.of(region()))
        // The stand-in checks no signature; these are placeholders, not credentials.
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  public GreenMail greenMail() {
    return inbox.greenMail();
  }

  @Override
  public void close() {
    cognito.close();
    inbox.close();
  }
}
