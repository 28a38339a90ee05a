package io.authflow.e2e.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An Amplify Gen 2 app's amplify_outputs.json (src/test/resources/amplify) read on its own and
 * through the config loader (userPool.amplifyOutputs). versions/ holds a file of each schema
 * version amplify-backend has published (1 to 1.5,
 * packages/client-config/src/client-config-schema), each valid against its schema, including the
 * shapes backends wrote before PR #1751: only the true flags, and no min_length.
 */
class AmplifyOutputsTest {
  private static final String REMOTE =
      """
      stack: none
      target:
        appium: http://127.0.0.1:4723
      inbox:
        type: mailosaur
      """;

  // The local stack, as config/local.yaml has it, with the outputs file left to each test.
  private static final String LOCAL =
      """
      stack: embedded
      target:
        platform: browser
        appium: embedded
      userPool:
        region: local
        disposable: true
      inbox:
        type: smtp
      local:
        amplifyOutputs:\s""";

  @TempDir Path configDir;

  @BeforeEach
  void copyDefaults() throws IOException {
    Files.copy(Path.of("config/defaults.yaml"), configDir.resolve("defaults.yaml"));
  }

  @Test
  void readsThePoolAndItsPasswordPolicyFromTheAuthSection() {
    AmplifyOutputs outputs = AmplifyOutputs.read(resource("amplify_outputs.json"));

    assertThat(outputs.region()).isEqualTo("eu-central-1");
    assertThat(outputs.userPoolId()).isEqualTo("eu-central-1_Ab3dE5gH7");
    assertThat(outputs.userPoolClientId()).isEqualTo("4t1c9k2m7q3r8s5u6v0w1x2y3z");
    assertThat(outputs.passwordPolicy()).contains(new PasswordPolicy(12, true, true, true, false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, pool id, min length, upper, lower, numbers, symbols (empty: no policy in the file)
    "v1-true-flags-only.json, us-east-1_Qw7Er9Ty1, 10, false, true, true, false",
    "v1-flags-without-length.json, us-east-1_Qw7Er9Ty1, 8, true, true, true, true",
    "v1.json, us-east-1_Qw7Er9Ty1, 8, true, true, true, true",
    "v1.1.json, eu-west-2_Zx8Cv6Bn4, 12, true, true, true, false",
    "v1.2.json, ap-southeast-2_Lk4Jh2Gf0, , , , , ",
    "v1.3.json, ca-central-1_Mn3Bv5Cx7, 16, false, false, false, false",
    "v1.4.json, eu-north-1_Pq2Rs4Tu6, 8, true, true, true, true",
    "v1.5.json, sa-east-1_Hg5Fd3Sa1, 9, false, true, false, true"
  })
  void everySchemaVersionLoadsWithItsPolicyRead(
      String file,
      String poolId,
      Integer minLength,
      Boolean upper,
      Boolean lower,
      Boolean numbers,
      Boolean symbols) {
    AmplifyOutputs outputs = AmplifyOutputs.read(resource("versions/" + file));

    assertThat(outputs.userPoolId()).isEqualTo(poolId);
    assertThat(outputs.region()).isEqualTo(poolId.substring(0, poolId.indexOf('_')));
    assertThat(outputs.passwordPolicy())
        .isEqualTo(
            minLength == null
                ? Optional.empty()
                : Optional.of(new PasswordPolicy(minLength, upper, lower, numbers, symbols)));
  }

  @Test
  void aFileWithOnlyTheTrueFlagsGivesTheConfigItsPolicy() throws IOException {
    write(
        REMOTE
            + "userPool:\n  amplifyOutputs: "
            + resource("versions/v1-true-flags-only.json")
            + "\n");

    UserPoolConfig pool = load().userPool();

    assertThat(pool.passwordPolicy()).isEqualTo(new PasswordPolicy(10, false, true, true, false));
    assertThat(pool.passwordPolicySource()).isEqualTo(PolicySource.AMPLIFY_OUTPUTS);
  }

  @Test
  void aFileWithoutPasswordPolicyLeavesThePolicyOpen() {
    assertThat(AmplifyOutputs.read(resource("without-password-policy.json")).passwordPolicy())
        .isEmpty();
  }

  @Test
  void aMissingFileNamesThePathAndTheAlternative() {
    Path missing = configDir.resolve("nowhere/amplify_outputs.json");

    var e = catchThrowableOfType(ConfigException.class, () -> AmplifyOutputs.read(missing));

    assertThat(e.getMessage())
        .contains("userPool.amplifyOutputs points at " + missing.toAbsolutePath())
        .contains("set userPool.region, userPool.id and userPool.clientId");
  }

  @Test
  void invalidJsonNamesTheFileAndWhere() throws IOException {
    Path broken = Files.writeString(configDir.resolve("amplify_outputs.json"), "{\"auth\": {");

    var e = catchThrowableOfType(ConfigException.class, () -> AmplifyOutputs.read(broken));

    assertThat(e.getMessage())
        .contains(broken + " is not valid JSON")
        .containsPattern("line \\d+, column \\d+")
        .contains("npx ampx generate outputs");
  }

  @Test
  void aFileWithoutAuthSaysTheBackendDefinesNoAuth() {
    var e =
        catchThrowableOfType(
            ConfigException.class, () -> AmplifyOutputs.read(resource("without-auth.json")));

    assertThat(e.getMessage()).contains("has no auth section").contains("defineAuth");
  }

  @Test
  void everyBrokenFieldIsListedAtOnce() {
    var e =
        catchThrowableOfType(
            ConfigException.class, () -> AmplifyOutputs.read(resource("broken-policy.json")));

    assertThat(e.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("auth.user_pool_id is missing"))
        .anySatisfy(p -> assertThat(p).contains("auth.password_policy.min_length"))
        .anySatisfy(p -> assertThat(p).contains("auth.password_policy.require_symbols"));
  }

  @Test
  void theConfigTakesPoolAndPolicyFromTheFileTheProfileNames() throws IOException {
    write(REMOTE + "userPool:\n  amplifyOutputs: " + resource("amplify_outputs.json") + "\n");

    UserPoolConfig pool = load().userPool();

    assertThat(pool.region()).isEqualTo("eu-central-1");
    assertThat(pool.id()).isEqualTo("eu-central-1_Ab3dE5gH7");
    assertThat(pool.clientId()).isEqualTo("4t1c9k2m7q3r8s5u6v0w1x2y3z");
    assertThat(pool.passwordPolicy()).isEqualTo(new PasswordPolicy(12, true, true, true, false));
    assertThat(pool.passwordPolicySource()).isEqualTo(PolicySource.AMPLIFY_OUTPUTS);
  }

  @Test
  void withoutAPolicyInTheFileTheConfiguredOneStandsUntilThePoolIsAsked() throws IOException {
    write(
        REMOTE
            + "userPool:\n  amplifyOutputs: "
            + resource("without-password-policy.json")
            + "\n  awsProfile: qa\n");

    UserPoolConfig pool = load().userPool();

    assertThat(pool.id()).isEqualTo("eu-central-1_Ab3dE5gH7");
    assertThat(pool.passwordPolicy()).isEqualTo(new PasswordPolicy(8, true, true, true, true));
    assertThat(pool.passwordPolicySource()).isEqualTo(PolicySource.CONFIG);
    assertThat(pool.awsProfile()).isEqualTo("qa");
  }

  @Test
  void aKeyThatDisagreesWithTheFileIsAMistake() throws IOException {
    write(
        REMOTE
            + "userPool:\n  amplifyOutputs: "
            + resource("amplify_outputs.json")
            + "\n  id: eu-central-1_Other\n");

    var e = catchThrowableOfType(ConfigException.class, this::load);

    assertThat(e.problems())
        .singleElement()
        .asString()
        .contains("userPool.id is 'eu-central-1_Other'")
        .contains("says 'eu-central-1_Ab3dE5gH7'")
        .contains("remove one of them");
  }

  @Test
  void explicitKeysWithoutAFileKeepTheConfiguredPolicy() throws IOException {
    write(
        REMOTE + "userPool:\n  region: eu-west-1\n  id: eu-west-1_abc123\n  clientId: client123\n");

    UserPoolConfig pool = load().userPool();

    assertThat(pool.id()).isEqualTo("eu-west-1_abc123");
    assertThat(pool.passwordPolicySource()).isEqualTo(PolicySource.CONFIG);
    assertThat(pool.awsProfile()).isEmpty();
  }

  @Test
  void aBadPathInTheConfigIsListedWithTheOtherProblems() throws IOException {
    write(REMOTE + "userPool:\n  amplifyOutputs: " + configDir.resolve("missing.json") + "\n");

    var e = catchThrowableOfType(ConfigException.class, this::load);

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).contains("userPool.amplifyOutputs points at"))
        .anySatisfy(p -> assertThat(p).contains("userPool.id is missing"));
  }

  @Test
  void theLocalStacksFileIsCheckedBeforeTheStackStartsOneLinePerProblem() throws IOException {
    Path wrongTypes = configDir.resolve("wrong-types.json");
    Files.writeString(
        wrongTypes,
        """
        {"auth": {"aws_region": "eu-west-1", "user_pool_id": 42,
                  "user_pool_client_id": "client123", "password_policy": "strict"}}
        """);
    Files.writeString(configDir.resolve("laptop.yaml"), LOCAL + wrongTypes + "\n");
    Files.writeString(
        configDir.resolve("noauth.yaml"), LOCAL + resource("without-auth.json") + "\n");

    var types = catchThrowableOfType(ConfigException.class, () -> loadEnv("laptop"));
    var noAuth = catchThrowableOfType(ConfigException.class, () -> loadEnv("noauth"));

    assertThat(types.problems())
        .containsExactlyInAnyOrder(
            wrongTypes
                + " (local.amplifyOutputs): auth.user_pool_id is missing or not a string."
                + " Regenerate it from the app's backend with `npx ampx generate outputs`.",
            wrongTypes
                + " (local.amplifyOutputs): auth.password_policy is not an object."
                + " Regenerate it from the app's backend with `npx ampx generate outputs`.");
    assertThat(noAuth.problems())
        .singleElement()
        .asString()
        .startsWith(resource("without-auth.json") + " (local.amplifyOutputs) has no auth section")
        .doesNotContain("\n");
  }

  private HarnessConfig loadEnv(String env) {
    return new ConfigLoader(configDir, Map.of(), Map.of()).load(env);
  }

  private HarnessConfig load() {
    return new ConfigLoader(configDir, Map.of(), Map.of("MAILOSAUR_API_KEY", "test-key"))
        .load("remote");
  }

  private void write(String yaml) throws IOException {
    Files.writeString(configDir.resolve("remote.yaml"), yaml);
  }

  private static Path resource(String name) {
    try {
      return Path.of(AmplifyOutputsTest.class.getResource("/amplify/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
