package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.inbox.CodeExtractor;
import io.authflow.e2e.inbox.OneTimeCode;
import io.authflow.e2e.inbox.SmtpInbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The Cognito stand-in as a Java client of real Cognito sees it (AWS SDK v2, endpoint override):
 * each test is a Cognito behaviour the features rely on, with Cognito's exception and wording.
 */
class CognitoFaithfulnessTest {
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final Duration CODE_WAIT = Duration.ofSeconds(10);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path dir;
  private static LocalCognito cognito;
  private static CognitoIdentityProviderClient client;
  private static SmtpInbox inbox;

  @BeforeAll
  static void startStandIn() {
    cognito = LocalCognito.start(dir);
    client = cognito.sdkClient();
    inbox = new SmtpInbox(cognito.greenMail(), new CodeExtractor("\\b(\\d{6})\\b"));
  }

  @AfterAll
  static void stopStandIn() {
    if (client != null) {
      client.close();
    }
    if (cognito != null) {
      cognito.close();
    }
  }

  @Test
  void signUpWithAnExistingEmailIsUsernameExists() {
    String email = newEmail();
    signUp(email, PASSWORD);

    var e = catchThrowableOfType(UsernameExistsException.class, () -> signUp(email, PASSWORD));

    assertThat(messageOf(e)).isEqualTo("An account with the given email already exists.");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Ab1!xyz, Password not long enough",
    "abcd1234!, Password must have uppercase characters",
    "ABCD1234!, Password must have lowercase characters",
    "Abcdefgh!, Password must have numeric characters",
    "Abcd12345, Password must have symbol characters",
  })
  void signUpWithAPasswordBreakingThePolicyIsInvalidPassword(String password, String rule) {
    String email = newEmail();

    var e = catchThrowableOfType(InvalidPasswordException.class, () -> signUp(email, password));

    assertThat(messageOf(e)).isEqualTo("Password did not conform with policy: " + rule);
    assertThat(user(email)).isEmpty();
  }

  // Cognito, PreventUserExistenceErrors LEGACY: InitiateAuth for an unknown user is
  // UserNotFoundException "User does not exist." (user-pool-managing-errors).
  @Test
  void srpSignInOfAnUnknownUserIsUserNotFoundOnTheClientThatRevealsUserExistence() {
    var e =
        catchThrowableOfType(
            UserNotFoundException.class,
            () -> startSrpSignIn(cognito.revealingClientId(), newEmail()));

    assertThat(messageOf(e)).isEqualTo("User does not exist.");
  }

  // Cognito, PreventUserExistenceErrors ENABLED (Gen 2's default client): an unknown user gets a
  // PASSWORD_VERIFIER challenge like anyone's, with the same salt and made-up user id (a UUID, as a
  // user's id is on an email pool) each time, so the start of SRP tells nothing
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
  @Test
  void srpSignInOfAnUnknownUserGetsAChallengeOnTheGen2DefaultClient() {
    String email = newEmail();

    var challenge = startSrpSignIn(cognito.appClientId(), email).challengeParameters();
    var again = startSrpSignIn(cognito.appClientId(), email).challengeParameters();

    assertThat(challenge)
        .containsKeys("SALT", "SRP_B", "SECRET_BLOCK")
        .hasEntrySatisfying(
            "USER_ID_FOR_SRP",
            id ->
                assertThat(id)
                    .matches(
                        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertThat(again)
        .containsEntry("SALT", challenge.get("SALT"))
        .containsEntry("USER_ID_FOR_SRP", challenge.get("USER_ID_FOR_SRP"));
  }

  // Cognito refuses a flow the app client does not list in ExplicitAuthFlows; Gen 2's default
  // client lists no USER_PASSWORD_AUTH.
  @Test
  void userPasswordAuthIsRefusedByTheGen2DefaultClient() {
    String email = newEmail();
    createConfirmed(email);

    var e =
        catchThrowableOfType(
            InvalidParameterException.class,
            () ->
                client.initiateAuth(
                    r ->
                        r.clientId(cognito.appClientId())
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))));

    assertThat(messageOf(e)).isEqualTo("USER_PASSWORD_AUTH flow not enabled for this client");
  }

  // Gen 2 pools are case-insensitive (UsernameConfiguration CaseSensitive false): the user a
  // test seeded with one case is found, and its SRP challenge names it, whatever the case typed.
  @Test
  void usernamesAreCaseInsensitiveInAdminCallsAndSignIn() {
    String email = newEmail();
    createConfirmed(email);
    String shouted = email.toUpperCase(java.util.Locale.ROOT);

    var found = client.adminGetUser(r -> r.userPoolId(cognito.userPoolId()).username(shouted));
    var challenge = startSrpSignIn(cognito.appClientId(), shouted);

    assertThat(found.username()).isEqualTo(user(email).orElseThrow().username());
    assertThat(challenge.challengeParameters()).containsEntry("USER_ID_FOR_SRP", found.username());
  }

  // DescribeUserPoolClient is how the harness learns which answer an unknown user gets.
  @Test
  void describeUserPoolClientTellsEachClientsExistenceErrorsAndFlows() {
    var app =
        client
            .describeUserPoolClient(
                r -> r.userPoolId(cognito.userPoolId()).clientId(cognito.appClientId()))
            .userPoolClient();
    var revealing =
        client
            .describeUserPoolClient(
                r -> r.userPoolId(cognito.userPoolId()).clientId(cognito.revealingClientId()))
            .userPoolClient();

    assertThat(app.preventUserExistenceErrorsAsString()).isEqualTo("ENABLED");
    assertThat(app.explicitAuthFlowsAsStrings())
        .containsExactlyInAnyOrder(
            "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
    assertThat(revealing.preventUserExistenceErrorsAsString()).isEqualTo("LEGACY");
  }

  @Test
  void confirmSignUpWithAWrongCodeIsCodeMismatchAndTheUserStaysUnconfirmed() {
    String email = newEmail();
    Instant since = Instant.now().minusSeconds(1);
    signUp(email, PASSWORD);
    String code = inbox.awaitCode(email, since, CODE_WAIT).code();

    var e =
        catchThrowableOfType(CodeMismatchException.class, () -> confirm(email, otherThan(code)));

    assertThat(messageOf(e)).isEqualTo("Invalid verification code provided, please try again.");
    assertThat(user(email))
        .hasValueSatisfying(u -> assertThat(u.userStatusAsString()).isEqualTo("UNCONFIRMED"));
  }

  @Test
  void confirmSignUpWithTheEmailedCodeConfirmsAndVerifiesTheEmail() {
    String email = newEmail();
    Instant since = Instant.now().minusSeconds(1);
    SignUpResponse signUp = signUp(email, PASSWORD);
    assertThat(signUp.userConfirmed()).isFalse();
    assertThat(signUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
    OneTimeCode code = inbox.awaitCode(email, since, CODE_WAIT);
    assertThat(code.message().body()).isEqualTo("Your verification code is " + code.code() + ".");

    confirm(email, code.code());

    assertThat(user(email))
        .hasValueSatisfying(
            u -> {
              assertThat(u.userStatusAsString()).isEqualTo("CONFIRMED");
              assertThat(attributes(u)).containsEntry("email_verified", "true");
            });
  }

  @Test
  void resendConfirmationCodeSendsANewCodeThatConfirms() {
    String email = newEmail();
    Instant since = Instant.now().minusSeconds(1);
    signUp(email, PASSWORD);
    OneTimeCode first = inbox.awaitCode(email, since, CODE_WAIT);

    client.resendConfirmationCode(r -> r.clientId(cognito.appClientId()).username(email));
    // The inbox stamps messages to the millisecond: a millisecond later excludes the first code.
    OneTimeCode resent =
        inbox.awaitCode(email, first.message().received().plusMillis(1), CODE_WAIT);
    confirm(email, resent.code());

    assertThat(user(email))
        .hasValueSatisfying(u -> assertThat(u.userStatusAsString()).isEqualTo("CONFIRMED"));
  }

  @Test
  void signUpWithAPhoneNumberSendsTheCodeBySmsAndConfirmingVerifiesThePhone() {
    String email = newEmail();
    String phone = "+1555012" + String.format("%04d", SEQUENCE.incrementAndGet());
    Instant since = Instant.now().minusSeconds(1);

    SignUpResponse signUp =
        client.signUp(
            r ->
                r.clientId(cognito.appClientId())
                    .username(email)
                    .password(PASSWORD)
                    .userAttributes(attribute("email", email), attribute("phone_number", phone)));
    assertThat(signUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
    OneTimeCode code = inbox.awaitCode(phone, since, CODE_WAIT);
    assertThat(code.message().to()).isEqualTo(phone.substring(1) + "@sms.local");

    confirm(email, code.code());

    assertThat(user(email))
        .hasValueSatisfying(
            u -> {
              assertThat(u.userStatusAsString()).isEqualTo("CONFIRMED");
              assertThat(attributes(u)).containsEntry("phone_number_verified", "true");
            });
  }

  private static String newEmail() {
    return "authflow-faithful-" + SEQUENCE.incrementAndGet() + "@authflow.test";
  }

  private static SignUpResponse signUp(String email, String password) {
    return client.signUp(
        r ->
            r.clientId(cognito.appClientId())
                .username(email)
                .password(password)
                .userAttributes(attribute("email", email)));
  }

  private static void confirm(String email, String code) {
    client.confirmSignUp(
        r -> r.clientId(cognito.appClientId()).username(email).confirmationCode(code));
  }

  /**
   * The first step of SRP, which needs no SRP library: any A that is not 0 mod N gets the challenge
   * (the AWS SDK has no helper for the second step; the node tests prove it with Amplify's and
   * amazon-cognito-identity-js's own clients).
   */
  private static InitiateAuthResponse startSrpSignIn(String clientId, String username) {
    return client.initiateAuth(
        r ->
            r.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", "2f".repeat(384))));
  }

  /** A returning user, seeded as the harness seeds one. */
  private static void createConfirmed(String email) {
    client.adminCreateUser(
        r ->
            r.userPoolId(cognito.userPoolId())
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("email_verified", "true")));
    client.adminSetUserPassword(
        r -> r.userPoolId(cognito.userPoolId()).username(email).password(PASSWORD).permanent(true));
  }

  private static Optional<UserType> user(String email) {
    return client
        .listUsers(r -> r.userPoolId(cognito.userPoolId()).filter("email = \"" + email + "\""))
        .users()
        .stream()
        .findFirst();
  }

  private static Map<String, String> attributes(UserType user) {
    return user.attributes().stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  /** Cognito's own text, without the SDK's request-id suffix. */
  private static String messageOf(CognitoIdentityProviderException e) {
    assertThat(e).as("the call must fail").isNotNull();
    return e.awsErrorDetails().errorMessage();
  }

  private static String otherThan(String code) {
    int last = code.charAt(code.length() - 1) - '0';
    return code.substring(0, code.length() - 1) + (last + 1) % 10;
  }
}
