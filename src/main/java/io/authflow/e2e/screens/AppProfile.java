package io.authflow.e2e.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app under test, as {@code config/apps/<app>.yaml} describes it: its locators (keys with a dot,
 * see {@link ScreenMap}), the words it shows for each outcome ({@code messages:}, over Cognito's
 * own words), the fields it requires beyond email and password ({@code required:}), what its flow
 * does where apps differ ({@code flow:}), and, for the local stack, where its browser build is
 * ({@code localBuild:}). Features and Java never name an app; only profiles do.
 */
public final class AppProfile {
  private static final Set<String> SECTIONS =
      Set.of(AppMessages.SECTION, "required", "flow", "localBuild");
  private static final Set<String> FLOW_KEYS =
      Set.of("afterConfirmingSignUp", "afterConfirmingAtSignIn", "browserHistory");

  private final Path file;
  private final ScreenMap screens;
  private final Set<String> required;
  private final Map<String, String> flow;
  private final Optional<Path> localBuild;

  private AppProfile(
      Path file,
      ScreenMap screens,
      Set<String> required,
      Map<String, String> flow,
      Optional<Path> localBuild) {
    this.file = file;
    this.screens = screens;
    this.required = required;
    this.flow = flow;
    this.localBuild = localBuild;
  }

  /** The profile {@code app.name} selects, next to the environment's config file. */
  public static AppProfile of(HarnessConfig config) {
    return load(
        config
            .file()
            .toAbsolutePath()
            .getParent()
            .resolve("apps")
            .resolve(config.app().name() + ".yaml"));
  }

  public static AppProfile load(Path file) {
    ScreenMap screens = ScreenMap.load(file);
    JsonNode root = read(file);
    List<String> problems = new ArrayList<>();
    root.fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.contains(".") && !SECTIONS.contains(key)) {
                problems.add(
                    file
                        + ": unknown section '"
                        + key
                        + "'; locators are named <screen>.<element>, sections are "
                        + String.join(", ", SECTIONS.stream().sorted().toList())
                        + ".");
              }
            });
    List<String> required = new ArrayList<>();
    root.path("required").forEach(n -> required.add(n.asText()));
    required.stream()
        .filter(name -> !screens.has(name))
        .forEach(name -> problems.add(file + ": required field '" + name + "' has no locator."));
    Map<String, String> flow = new LinkedHashMap<>();
    root.path("flow")
        .fields()
        .forEachRemaining(
            e -> {
              if (!FLOW_KEYS.contains(e.getKey())) {
                problems.add(
                    file
                        + ": flow."
                        + e.getKey()
                        + " is not known; known: "
                        + String.join(", ", FLOW_KEYS.stream().sorted().toList())
                        + ".");
              }
              flow.put(e.getKey(), e.getValue().asText());
            });
    for (String key : List.of("afterConfirmingSignUp", "afterConfirmingAtSignIn")) {
      String next = flow.getOrDefault(key, "dashboard");
      if (!next.equals("dashboard") && !next.equals("signIn")) {
        problems.add(file + ": flow." + key + " must be dashboard or signIn, not " + next);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Optional<Path> localBuild =
        root.hasNonNull("localBuild")
            ? Optional.of(Path.of(root.get("localBuild").asText()))
            : Optional.empty();
    return new AppProfile(file, screens, Set.copyOf(required), Map.copyOf(flow), localBuild);
  }

  public Path file() {
    return file;
  }

  public ScreenMap screens() {
    return screens;
  }

  /** Whether the app requires the field, beyond email and password (e.g. a phone number). */
  public boolean requires(String field) {
    return required.contains(field);
  }

  /**
   * After a new user confirms the code right after signing up: {@code true} when the app signs them
   * in (Amplify's autoSignIn), {@code false} when it shows sign-in for them to sign in.
   */
  public boolean signsInAfterConfirmingSignUp() {
    return flow.getOrDefault("afterConfirmingSignUp", "dashboard").equals("dashboard");
  }

  /**
   * After an unconfirmed user signs in and then confirms their code: {@code true} when the app
   * signs them in, {@code false} when it shows sign-in again (Amplify UI's Authenticator).
   */
  public boolean signsInAfterConfirmingAtSignIn() {
    return flow.getOrDefault("afterConfirmingAtSignIn", "dashboard").equals("dashboard");
  }

  /** Whether the browser build keeps its screens in the browser's history (Back stays inside). */
  public boolean keepsBrowserHistory() {
    return Boolean.parseBoolean(flow.getOrDefault("browserHistory", "true"));
  }

  /** The browser build the local stack serves, relative to the project (its dist folder). */
  public Path localBuild() {
    return localBuild.orElseThrow(
        () ->
            new ConfigException(
                file
                    + " has no localBuild, so the local stack cannot serve this app; give the"
                    + " folder of its browser build (e.g. src/local/app/dist), or run it against a"
                    + " target that has the app (-Denv=<env>)."));
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file + " is not a valid app profile: " + e.getMessage());
    }
  }
}
