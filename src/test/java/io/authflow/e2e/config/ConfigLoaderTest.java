package io.authflow.e2e.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config loader against a copy of the real config/defaults.yaml and environment files written
 * per test: every bad input gives a message naming the file, key or variable and the fix.
 */
class ConfigLoaderTest {
  private static final Path REAL_CONFIG = Path.of("config");

  // A complete environment with stack: none, so each test can break exactly one thing.
  private static final String REMOTE =
      """
      stack: none
      target:
        appium: http://127.0.0.1:4723
      userPool:
        region: eu-west-1
        id: eu-west-1_abc123
        clientId: client123
      inbox:
        type: mailosaur
      """;

  // The embedded local stack, as config/local.yaml has it.
  private static final String EMBEDDED =
      """
      stack: embedded
      target:
        platform: browser
        appium: embedded
      userPool:
        disposable: true
      inbox:
        type: smtp
      """;

  @TempDir Path configDir;

  @BeforeEach
  void copyDefaults() throws IOException {
    Files.copy(REAL_CONFIG.resolve("defaults.yaml"), configDir.resolve("defaults.yaml"));
  }

  @Test
  void aCompleteEnvironmentLoadsOverTheDefaults() throws IOException {
    write("remote", REMOTE);

    HarnessConfig config = load("remote");

    assertThat(config.env()).isEqualTo("remote");
    assertThat(config.embeddedStack()).isFalse();
    assertThat(config.userPool().id()).isEqualTo("eu-west-1_abc123");
    assertThat(config.userPool().disposable()).isFalse();
    assertThat(config.inbox().type()).isEqualTo(InboxConfig.InboxType.MAILOSAUR);
    assertThat(config.target().appium()).isEqualTo("http://127.0.0.1:4723");
    // Untouched keys keep the defaults.
    assertThat(config.timeouts().screen()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.userPool().passwordPolicy())
        .isEqualTo(new PasswordPolicy(8, true, true, true, true));
  }

  @Test
  void anUnknownAppProfileIsOneLineNamingTheProfilesThereAre() throws IOException {
    write("remote", REMOTE);
    Files.createDirectories(configDir.resolve("apps"));
    Files.writeString(configDir.resolve("apps/reference.yaml"), "");
    Files.writeString(configDir.resolve("apps/amplify-authenticator.yaml"), "");

    var e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        configDir, Map.of("authflow.app.name", "my-app"), withKey(Map.of()))
                    .load("remote"));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("-Dauthflow.app.name: app.name is 'my-app', but there is no ")
        .contains(
            "Known app profiles (in "
                + configDir.resolve("apps")
                + "): amplify-authenticator, reference.")
        .doesNotContain("\n");
  }

  @Test
  void theLocalStacksAppClientIsGen2sDefaultUnlessOverridden() throws IOException {
    write("remote", REMOTE);

    HarnessConfig byDefault = load("remote");
    HarnessConfig revealing =
        new ConfigLoader(
                configDir,
                Map.of("authflow.local.appClient", "revealsUserExistence"),
                withKey(Map.of()))
            .load("remote");

    assertThat(byDefault.localStack().appClient()).isEqualTo("app");
    assertThat(revealing.localStack().appClient()).isEqualTo("revealsUserExistence");
  }

  @Test
  void theLocalStacksTokensLiveAsGen2sUnlessShortened() throws IOException {
    write("remote", REMOTE);

    HarnessConfig byDefault = load("remote");
    HarnessConfig shortened =
        new ConfigLoader(
                configDir,
                Map.of(
                    "authflow.local.tokenValidity.access", "PT2S",
                    "authflow.local.tokenValidity.id", "PT3S",
                    "authflow.local.tokenValidity.refresh", "PT1H"),
                withKey(Map.of()))
            .load("remote");

    assertThat(byDefault.localStack().tokenValidity())
        .isEqualTo(
            new TokenValidity(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofDays(30)))
        .isEqualTo(TokenValidity.GEN2);
    assertThat(shortened.localStack().tokenValidity())
        .isEqualTo(
            new TokenValidity(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofHours(1)));
  }

  @Test
  void aTokenLifetimeInFractionsOfASecondOrZeroIsRefused() throws IOException {
    write("remote", REMOTE + "local:\n  tokenValidity:\n    access: PT0.5S\n    refresh: PT0S\n");

    assertThat(loadFails("remote").problems())
        .hasSize(2)
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "remote.yaml: local.tokenValidity.access is 'PT0.5S';"
                            + " use whole seconds, such as PT1S or PT5M."))
        .anySatisfy(
            p ->
                assertThat(p)
                    .endsWith(
                        "remote.yaml: local.tokenValidity.refresh is 'PT0S';"
                            + " it must be longer than zero."));
  }

  @Test
  void yourOwnBuildOfflineNeedsTheOutputsItImported() throws IOException {
    Path build = Files.createDirectories(configDir.resolve("dist"));
    Files.writeString(build.resolve("index.html"), "<!doctype html>");
    write("offline", EMBEDDED + "local:\n  appBuild: " + build + "\n");

    assertThat(loadFails("offline").problems())
        .singleElement()
        .asString()
        .contains("local.appBuild is set but local.amplifyOutputs is not");

    Path outputs = Path.of("src/local/expo/amplify_outputs.json").toAbsolutePath();
    write(
        "offline",
        EMBEDDED + "local:\n  appBuild: " + build + "\n  amplifyOutputs: " + outputs + "\n");
    assertThat(load("offline").localStack().appBuild()).isEqualTo(build.toString());
  }

  @Test
  void anOwnBuildWithoutIndexHtmlAndAMissingOutputsFileAreNamedTogether() throws IOException {
    write(
        "offline",
        EMBEDDED
            + "local:\n  appBuild: "
            + configDir.resolve("nowhere")
            + "\n  amplifyOutputs: "
            + configDir.resolve("missing.json")
            + "\n");

    assertThat(loadFails("offline").problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("local.appBuild is '", "has no index.html"))
        .anySatisfy(p -> assertThat(p).contains("local.amplifyOutputs", "missing.json"));
  }

  @Test
  void aListFromAVariableMayBeAJsonArrayWhoseItemsHoldCommas() throws IOException {
    write("remote", REMOTE);

    HarnessConfig config =
        new ConfigLoader(
                configDir,
                Map.of(),
                withKey(
                    Map.of(
                        "AUTHFLOW_TARGET_BROWSERARGS",
                        "[\"--host-resolver-rules=MAP a 127.0.0.1:1,MAP b 127.0.0.1:1\", \"--x\"]")))
            .load("remote");

    assertThat(config.target().browserArgs())
        .containsExactly("--host-resolver-rules=MAP a 127.0.0.1:1,MAP b 127.0.0.1:1", "--x");
  }

  @Test
  void thePoolShapeComesFromFlagsAsTheStandInsArguments() throws IOException {
    write("remote", REMOTE);

    HarnessConfig required =
        new ConfigLoader(
                configDir,
                Map.of(
                    "authflow.local.pool.mfa", "REQUIRED",
                    "authflow.local.pool.mfaMethods", "TOTP,SMS"),
                withKey(Map.of()))
            .load("remote");

    assertThat(load("remote").localStack().pool().launcherArguments()).isEmpty();
    assertThat(required.localStack().pool().launcherArguments())
        .containsExactly("--mfa", "REQUIRED", "--mfa-methods", "TOTP,SMS");
  }

  @Test
  void aPoolShapeNotOfferedNamesEachKeyAndTheChoices() throws IOException {
    write(
        "remote",
        REMOTE
            + "local:\n  pool:\n    mfa: \"ON\"\n    mfaMethods: [TOTP, PUSH]\n    emailOtpLogin: maybe\n");

    ConfigException e = loadFails("remote");

    String file = configDir.resolve("remote.yaml").toString();
    assertThat(e.problems())
        .containsExactly(
            file
                + ": local.pool.mfa is 'ON'; use NONE, OPTIONAL or REQUIRED, or leave it empty for"
                + " the outputs' mfa_configuration (-Dauthflow.local.pool.mfa=…).",
            file
                + ": local.pool.mfaMethods has 'PUSH'; use TOTP, SMS and EMAIL"
                + " (-Dauthflow.local.pool.mfaMethods=TOTP,SMS).",
            file
                + ": local.pool.emailOtpLogin is 'maybe'; use true or false, or leave it empty for"
                + " the outputs' passwordless.email_otp_enabled.");
  }

  @Test
  void anUnknownLocalAppClientNamesTheKeyAndTheChoices() throws IOException {
    write("remote", REMOTE + "local:\n  appClient: legacy\n");

    ConfigException e = loadFails("remote");

    assertThat(e.problems())
        .containsExactly(
            configDir.resolve("remote.yaml")
                + ": local.appClient is 'legacy'; use app or revealsUserExistence"
                + " (-Dauthflow.local.appClient=…).");
  }

  @Test
  void anUnknownEnvironmentNamesTheMissingFileAndTheKnownOnes() throws IOException {
    write("staging", REMOTE);
    write("nightly", REMOTE);

    ConfigException e = loadFails("prod");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage())
        .contains("Unknown environment 'prod'")
        .contains(configDir.resolve("prod.yaml").toString())
        .contains("Known environments: nightly, staging.")
        .contains("-Denv=<name>");
  }

  @Test
  void malformedYamlNamesTheFileAndWhere() throws IOException {
    write("broken", "stack: none\ntarget:\n  platform: [browser\n  appium: x\n");

    ConfigException e = loadFails("broken");

    assertThat(e.getMessage())
        .contains(configDir.resolve("broken.yaml").toString())
        .contains("is not valid YAML")
        .containsPattern("line \\d+, column \\d+");
  }

  @Test
  void aMissingRequiredKeyNamesFileKeyAndBothOverrides() throws IOException {
    write("remote", REMOTE.replace("  id: eu-west-1_abc123\n", ""));

    ConfigException e = loadFails("remote");

    assertThat(e.problems())
        .containsExactly(
            configDir.resolve("remote.yaml")
                + ": userPool.id is missing; set it in the file, with -Dauthflow.userPool.id=…,"
                + " or with AUTHFLOW_USERPOOL_ID.");
  }

  @Test
  void aMissingRequiredKeyCanComeFromAnOverride() throws IOException {
    write("remote", REMOTE.replace("  id: eu-west-1_abc123\n", ""));

    HarnessConfig config =
        new ConfigLoader(
                configDir, Map.of(), withKey(Map.of("AUTHFLOW_USERPOOL_ID", "eu-west-1_fromEnv")))
            .load("remote");

    assertThat(config.userPool().id()).isEqualTo("eu-west-1_fromEnv");
  }

  @Test
  void aKeyInTheWrongCaseSuggestsTheKnownKey() throws IOException {
    write("typo", "stack: embedded\nuserPool:\n  Region: local\n");

    ConfigException e = loadFails("typo");

    assertThat(e.getMessage())
        .contains(configDir.resolve("typo.yaml").toString())
        .contains("unknown key 'userPool.Region'")
        .contains("did you mean 'userPool.region'?");
  }

  @Test
  void aSectionInTheWrongCaseSuggestsTheKnownSection() throws IOException {
    write("typo", "stack: embedded\nuserpool:\n  region: local\n");

    ConfigException e = loadFails("typo");

    assertThat(e.getMessage())
        .contains("unknown key 'userpool'")
        .contains("did you mean 'userPool'?");
  }

  @Test
  void anUnknownKeyPointsToTheDefaults() throws IOException {
    write("typo", REMOTE + "timeouts:\n  screens: PT5S\n");

    ConfigException e = loadFails("typo");

    assertThat(e.problems())
        .containsExactly(
            configDir.resolve("typo.yaml")
                + ": unknown key 'timeouts.screens' (see config/defaults.yaml for the keys).");
  }

  @Test
  void aBadDurationAsksForIso8601() throws IOException {
    write("remote", REMOTE + "timeouts:\n  screen: 15s\n");

    ConfigException e = loadFails("remote");

    assertThat(e.problems())
        .singleElement(STRING)
        .contains("remote.yaml: timeouts.screen is '15s', not a duration")
        .contains("PT15S");
  }

  @Test
  void aZeroDurationIsRefused() throws IOException {
    write("remote", REMOTE + "timeouts:\n  code: PT0S\n");

    assertThat(loadFails("remote").problems())
        .singleElement(STRING)
        .contains("timeouts.code is 'PT0S'; it must be longer than zero.");
  }

  @Test
  void aBadBooleanAsksForTrueOrFalse() throws IOException {
    write("remote", REMOTE.replace("  region:", "  disposable: sometimes\n  region:"));

    assertThat(loadFails("remote").problems())
        .singleElement(STRING)
        .contains("userPool.disposable is 'sometimes'; use true or false.");
  }

  @Test
  void aCodePatternThatIsNoRegexIsRefused() throws IOException {
    write("remote", REMOTE + "  codePattern: '(\\d{6'\n");

    assertThat(loadFails("remote").problems())
        .singleElement(STRING)
        .contains("inbox.codePattern '(\\d{6' is not a regular expression");
  }

  @Test
  void aCodePatternWithoutAGroupIsRefused() throws IOException {
    write("remote", REMOTE + "  codePattern: '\\d{6}'\n");

    assertThat(loadFails("remote").problems())
        .singleElement(STRING)
        .contains("needs a group around the code");
  }

  @Test
  void everyProblemIsListedAtOnce() throws IOException {
    write(
        "remote",
        REMOTE.replace("  region:", "  disposable: sometimes\n  region:")
            + "  codePattern: '(\\d{6'\n"
            + "timeouts:\n  screen: 15s\n");

    ConfigException e = loadFails("remote");

    assertThat(e.problems()).hasSize(3);
    assertThat(e.getMessage())
        .startsWith("The configuration has 3 problems:")
        .contains("userPool.disposable", "inbox.codePattern", "timeouts.screen");
  }

  @Test
  void choicesAreReadInAnyCaseAndAWrongOneNamesTheChoices() throws IOException {
    write("farm", REMOTE.replace("type: mailosaur", "type: MailOsaur"));
    write("wrong", EMBEDDED.replace("type: smtp", "type: imap"));

    HarnessConfig config =
        new ConfigLoader(
                configDir, Map.of("authflow.target.farm", "aws-device-farm"), withKey(Map.of()))
            .load("farm");
    ConfigException e = loadFails("wrong");

    assertThat(config.inbox().type()).isEqualTo(InboxConfig.InboxType.MAILOSAUR);
    assertThat(config.target().farm()).isEqualTo(TargetConfig.Farm.AWS_DEVICE_FARM);
    assertThat(e.problems())
        .containsExactly(
            configDir.resolve("wrong.yaml")
                + ": inbox.type is 'imap'; use one of smtp, mailosaur.");
  }

  @Test
  void anEmptyKeyIsEmptyAndAListFromAFlagIsCommaSeparated() throws IOException {
    write(
        "remote",
        REMOTE.replace("target:\n", "target:\n  udids:\n  device: '  Pixel 8  '\n")
            + "app:\n  url:\n");

    HarnessConfig config =
        new ConfigLoader(
                configDir,
                Map.of("authflow.users.testDomains", "a.example, b.example"),
                withKey(Map.of()))
            .load("remote");
    HarnessConfig fromFile = load("remote");

    assertThat(fromFile.app().url()).isEmpty();
    assertThat(fromFile.target().udids()).isEmpty();
    assertThat(fromFile.target().device()).isEqualTo("Pixel 8");
    assertThat(config.users().emailDomain()).isEqualTo("authflow.test");
    assertThat(
            new ConfigLoader(
                    configDir,
                    Map.of(
                        "authflow.users.testDomains", "a.example, b.example",
                        "authflow.users.emailDomain", "b.example"),
                    withKey(Map.of()))
                .load("remote")
                .users()
                .emailDomain())
        .as("a domain listed by the flag's second item is a test domain")
        .isEqualTo("b.example");
  }

  @Test
  void aWholeNumberAndAKeyOfTheWrongShapeAreNamedWithTheOtherProblems() throws IOException {
    write(
        "remote",
        REMOTE.replace("  region:", "  disposable: sometimes\n  region:")
            + "local:\n  emailDailyLimit: many\n"
            + "app:\n  name: [reference]\n");

    ConfigException e = loadFails("remote");

    assertThat(e.problems())
        .containsExactly(
            configDir.resolve("remote.yaml")
                + ": app.name has the wrong shape: a list, a mapping or one value, as in"
                + " config/defaults.yaml.",
            configDir.resolve("remote.yaml")
                + ": userPool.disposable is 'sometimes'; use true or false.",
            configDir.resolve("remote.yaml")
                + ": local.emailDailyLimit is 'many'; use a whole number.",
            configDir.resolve("remote.yaml")
                + ": app.name is missing; set it in the file, with -Dauthflow.app.name=…, or with"
                + " AUTHFLOW_APP_NAME.");
  }

  @Test
  void aSystemPropertyOverridesTheFile() throws IOException {
    write("remote", REMOTE + "timeouts:\n  screen: PT20S\n");

    HarnessConfig config =
        new ConfigLoader(configDir, Map.of("authflow.timeouts.screen", "PT3S"), withKey(Map.of()))
            .load("remote");

    assertThat(config.timeouts().screen()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void anEnvironmentVariableOverridesTheFile() throws IOException {
    write("remote", REMOTE + "timeouts:\n  screen: PT20S\n");

    HarnessConfig config =
        new ConfigLoader(configDir, Map.of(), withKey(Map.of("AUTHFLOW_TIMEOUTS_SCREEN", "PT4S")))
            .load("remote");

    assertThat(config.timeouts().screen()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aSystemPropertyWinsOverAnEnvironmentVariable() throws IOException {
    write("remote", REMOTE + "timeouts:\n  screen: PT20S\n");

    HarnessConfig config =
        new ConfigLoader(
                configDir,
                Map.of("authflow.timeouts.screen", "PT3S"),
                withKey(Map.of("AUTHFLOW_TIMEOUTS_SCREEN", "PT4S")))
            .load("remote");

    assertThat(config.timeouts().screen()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void overriddenValuesAreValidatedAndNamedByTheirSource() throws IOException {
    write("remote", REMOTE);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        configDir,
                        Map.of("authflow.timeouts.sceen", "PT3S"),
                        withKey(Map.of("AUTHFLOW_TIMEOUTS_CODE", "soon")))
                    .load("remote"));

    assertThat(e.problems())
        .hasSize(2)
        .anySatisfy(
            p -> assertThat(p).contains("-Dauthflow.timeouts.sceen names no configuration key"))
        .anySatisfy(p -> assertThat(p).contains("timeouts.code is 'soon', not a duration"));
  }

  @Test
  void aBadValueFromAFlagIsBlamedOnTheFlagNotOnTheFile() throws IOException {
    write("remote", REMOTE);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(
                        configDir,
                        Map.of("authflow.timeouts.screen", "soon"),
                        withKey(Map.of("AUTHFLOW_TARGET_SESSIONPERWORKER", "maybe")))
                    .load("remote"));

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("-Dauthflow.timeouts.screen: timeouts.screen"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("AUTHFLOW_TARGET_SESSIONPERWORKER: target.sessionPerWorker"))
        .noneSatisfy(p -> assertThat(p).contains("remote.yaml"));
  }

  @Test
  void anEmailDomainThatIsNoTestDomainIsRefused() throws IOException {
    write("remote", REMOTE + "users:\n  emailDomain: gmail.com\n");

    assertThat(loadFails("remote").problems())
        .singleElement()
        .asString()
        .startsWith(
            configDir.resolve("remote.yaml")
                + ": users.emailDomain is 'gmail.com', which is not a test domain")
        .contains("users.testDomains");
  }

  @Test
  void theLocalDomainTheMailosaurServersDomainAndListedTestDomainsAreAccepted() throws IOException {
    write("local-like", REMOTE + "users:\n  emailDomain: authflow.test\n");
    write(
        "mailosaur",
        REMOTE.replace("type: mailosaur", "type: mailosaur\n  serverId: abcd1234")
            + "users:\n  emailDomain: abcd1234.mailosaur.net\n");
    write(
        "own", REMOTE + "users:\n  emailDomain: qa.example.org\n  testDomains: [qa.example.org]\n");

    assertThat(load("local-like").users().emailDomain()).isEqualTo("authflow.test");
    assertThat(load("mailosaur").users().emailDomain()).isEqualTo("abcd1234.mailosaur.net");
    assertThat(load("own").users().emailDomain()).isEqualTo("qa.example.org");
  }

  @Test
  void unrelatedPropertiesAndVariablesAreIgnored() throws IOException {
    write("remote", REMOTE);

    HarnessConfig config =
        new ConfigLoader(
                configDir,
                Map.of("java.version", "17", "authflow.configDir", "elsewhere"),
                withKey(
                    Map.of(
                        "PATH", "/usr/bin", "AUTHFLOW_ENV", "remote", "AUTHFLOW_RUN", "run-1-ab")))
            .load("remote");

    assertThat(config.env()).isEqualTo("remote");
  }

  @Test
  void theRealLocalEnvironmentLoadsAndValidates() {
    HarnessConfig config = new ConfigLoader(REAL_CONFIG, Map.of(), Map.of()).load("local");

    assertThat(config.embeddedStack()).isTrue();
    assertThat(config.target().platform()).isEqualTo(Platform.BROWSER);
    assertThat(config.target().embeddedAppium()).isTrue();
    assertThat(config.userPool().region())
        .as("the local stack fills in the region of the app's amplify_outputs.json")
        .isEmpty();
    assertThat(config.userPool().disposable()).isTrue();
    assertThat(config.inbox().type()).isEqualTo(InboxConfig.InboxType.SMTP);
    assertThat(config.users().sweepOlderThan()).isPositive();
    assertThat(config.timeouts().localStack()).isPositive();
  }

  private void write(String env, String yaml) throws IOException {
    Files.writeString(configDir.resolve(env + ".yaml"), yaml);
  }

  private HarnessConfig load(String env) {
    return new ConfigLoader(configDir, Map.of(), withKey(Map.of())).load(env);
  }

  private ConfigException loadFails(String env) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(env));
    assertThat(e).as("loading %s must fail", env).isNotNull();
    return e;
  }

  @Test
  void aMailosaurInboxWithoutItsKeyNamesTheVariable() throws IOException {
    write("remote", REMOTE);

    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(configDir, Map.of(), Map.of()).load("remote"));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("the environment variable MAILOSAUR_API_KEY is not set: ")
        .contains("inbox.type mailosaur", "export MAILOSAUR_API_KEY=");
  }

  /** The variables of a run that has its Mailosaur key (REMOTE's inbox is Mailosaur). */
  private static Map<String, String> withKey(Map<String, String> variables) {
    var all = new java.util.HashMap<>(variables);
    all.put("MAILOSAUR_API_KEY", "test-key");
    return all;
  }
}
