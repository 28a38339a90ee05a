package io.authflow.e2e.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code auth} section of an Amplify Gen 2 app's {@code amplify_outputs.json} (schema versions
 * 1 to 1.5): the pool the app signs users in to, and its password policy when the backend wrote one
 * ({@code password_policy} is optional in every version).
 *
 * <p>Backends generated before amplify-backend PR #1751 (July 2024) wrote only the requirements
 * that are on, and the length only when the pool set one; the schema of that time made every key of
 * {@code password_policy} optional. A missing {@code require_*} flag is therefore off, and a
 * missing {@code min_length} is Cognito's default of 8, the value amplify-backend itself writes
 * since.
 */
public record AmplifyOutputs(
    Path file,
    String region,
    String userPoolId,
    String userPoolClientId,
    Optional<PasswordPolicy> passwordPolicy) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COGNITO_DEFAULT_MIN_LENGTH = 8;
  private static final String REGENERATE =
      " Regenerate it from the app's backend with `npx ampx generate outputs`.";

  /**
   * @throws ConfigException listing every problem with the file, each naming it and the fix
   */
  public static AmplifyOutputs read(Path file) {
    return read("userPool.amplifyOutputs", file);
  }

  /**
   * The file the config key {@code key} names ({@code userPool.amplifyOutputs}, or {@code
   * local.amplifyOutputs} for the local stack's Cognito stand-in, which answers as the pool it
   * names): checked here, before anything starts, so a wrong file is one line naming it and the key
   * rather than a part that exits at start.
   *
   * @throws ConfigException listing every problem with the file, each naming it and the fix
   */
  public static AmplifyOutputs read(String key, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          key
              + " points at "
              + file.toAbsolutePath()
              + ", which is not a file. Give the path of the app's amplify_outputs.json (relative"
              + " paths start from the directory Maven runs in), or leave the key empty and set"
              + " userPool.region, userPool.id and userPool.clientId.");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new ConfigException(
          file
              + " is not valid JSON"
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage()
              + "."
              + REGENERATE);
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
    JsonNode auth = root == null ? null : root.get("auth");
    if (auth == null || !auth.isObject()) {
      throw new ConfigException(
          file
              + " ("
              + key
              + ")"
              + (auth == null ? " has no auth section" : ": auth is not an object")
              + ": the app's backend defines no auth (defineAuth), or the file"
              + " is not amplify_outputs.json."
              + REGENERATE);
    }
    List<String> problems = new ArrayList<>();
    String source = file + " (" + key + ")";
    String region = text(source, auth, "aws_region", problems);
    String poolId = text(source, auth, "user_pool_id", problems);
    String clientId = text(source, auth, "user_pool_client_id", problems);
    Optional<PasswordPolicy> policy = policy(source, auth.get("password_policy"), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AmplifyOutputs(file, region, poolId, clientId, policy);
  }

  private static String text(String file, JsonNode auth, String key, List<String> problems) {
    JsonNode node = auth.get(key);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(file + ": auth." + key + " is missing or not a string." + REGENERATE);
      return "";
    }
    return node.asText().trim();
  }

  private static Optional<PasswordPolicy> policy(
      String file, JsonNode policy, List<String> problems) {
    if (policy == null || policy.isNull()) {
      return Optional.empty();
    }
    if (!policy.isObject()) {
      problems.add(file + ": auth.password_policy is not an object." + REGENERATE);
      return Optional.empty();
    }
    JsonNode minLength = policy.get("min_length");
    if (minLength != null && (!minLength.canConvertToInt() || minLength.asInt() < 1)) {
      problems.add(
          file + ": auth.password_policy.min_length is not a positive number." + REGENERATE);
    }
    return Optional.of(
        new PasswordPolicy(
            minLength == null ? COGNITO_DEFAULT_MIN_LENGTH : minLength.asInt(),
            flag(file, policy, "require_uppercase", problems),
            flag(file, policy, "require_lowercase", problems),
            flag(file, policy, "require_numbers", problems),
            flag(file, policy, "require_symbols", problems)));
  }

  private static boolean flag(String file, JsonNode policy, String key, List<String> problems) {
    JsonNode node = policy.get(key);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(file + ": auth.password_policy." + key + " is not true/false." + REGENERATE);
      return false;
    }
    return node.asBoolean();
  }
}
