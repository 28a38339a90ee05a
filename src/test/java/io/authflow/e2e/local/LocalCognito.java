package io.authflow.e2e.local;

import com.icegreen.greenmail.util.GreenMail;
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
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final InboxServer inbox;
  private final CognitoStandIn cognito;

  private LocalCognito(InboxServer inbox, CognitoStandIn cognito) {
    this.inbox = inbox;
    this.cognito = cognito;
  }

  /** Starts both parts; {@code dir} holds the stand-in's data and both logs. */
  public static LocalCognito start(Path dir) {
    Path logDir = dir.resolve("logs");
    InboxServer inbox = new InboxServer(logDir);
    inbox.start();
    CognitoStandIn cognito =
        new CognitoStandIn(LAUNCHER_DIR, dir, inbox.port(), START_TIMEOUT, logDir);
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

  /** The client the app uses: PreventUserExistenceErrors LEGACY. */
  public String appClientId() {
    return cognito.appClientId();
  }

  /** A client with PreventUserExistenceErrors ENABLED. */
  public String preventingClientId() {
    return cognito.preventingClientId();
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
