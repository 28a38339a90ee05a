package io.authflow.e2e.screens;

import com.fasterxml.jackson.databind.JsonNode;
import io.authflow.e2e.config.AppProfileFile;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
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
 * does where apps differ ({@code flow:}), the links that open its screens directly ({@code
 * links:}), and, for the local stack, where its browser build and the amplify_outputs.json it was
 * built with are ({@code localBuild:}, {@code localAmplifyOutputs:}). Features and Java never name
 * an app or a route of one; only profiles do.
 */
public final class AppProfile {
  private static final Set<String> SECTIONS =
      Set.of(AppMessages.SECTION, "required", "flow", "links", "localBuild", "localAmplifyOutputs");
  private static final Set<String> FLOW_KEYS =
      Set.of("afterConfirmingSignUp", "afterConfirmingAtSignIn", "browserHistory");
  // The screens a feature opens by a direct link (a path of the browser build, a deep link's path
  // on phones); the reference app's routes when a profile names none.
  private static final Map<String, String> DEFAULT_LINKS = Map.of("dashboard", "/dashboard");

  private final Path file;
  private final ScreenMap screens;
  private final Set<String> required;
  private final Map<String, String> flow;
  private final Map<String, String> links;
  private final AppProfileFile source;

  private AppProfile(
      Path file,
      ScreenMap screens,
      Set<String> required,
      Map<String, String> flow,
      Map<String, String> links,
      AppProfileFile source) {
    this.file = file;
    this.screens = screens;
    this.required = required;
    this.flow = flow;
    this.links = links;
    this.source = source;
  }

  /** The profile {@code app.name} selects, next to the environment's config file. */
  public static AppProfile of(HarnessConfig config) {
    return from(AppProfileFile.of(config));
  }

  public static AppProfile load(Path file) {
    return from(AppProfileFile.read(file));
  }

  private static AppProfile from(AppProfileFile source) {
    Path file = source.file();
    ScreenMap screens = ScreenMap.of(source);
    JsonNode root = source.root();
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
    Map<String, String> links = new LinkedHashMap<>(DEFAULT_LINKS);
    root.path("links")
        .fields()
        .forEachRemaining(
            e -> {
              if (!DEFAULT_LINKS.containsKey(e.getKey())) {
                problems.add(
                    file
                        + ": links."
                        + e.getKey()
                        + " is not known; known: "
                        + String.join(", ", DEFAULT_LINKS.keySet())
                        + ".");
              } else if (!e.getValue().asText().startsWith("/")) {
                problems.add(
                    file
                        + ": links."
                        + e.getKey()
                        + " must be a path starting with '/' (the app's route), not '"
                        + e.getValue().asText()
                        + "'.");
              }
              links.put(e.getKey(), e.getValue().asText());
            });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AppProfile(
        file, screens, Set.copyOf(required), Map.copyOf(flow), Map.copyOf(links), source);
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

  /**
   * The path that opens a screen directly ({@code links.dashboard}): a route of the browser build,
   * or the path of a deep link on phones.
   */
  public String link(String screen) {
    return links.get(screen);
  }

  /**
   * The browser build the local stack serves, relative to the project (its dist folder); {@code
   * local.appBuild} overrides it.
   */
  public Path localBuild() {
    return source.localBuild();
  }

  /**
   * The amplify_outputs.json the local build imported, relative to the project: the local stack's
   * Cognito answers as the pool it names; {@code local.amplifyOutputs} overrides it.
   */
  public Optional<Path> localAmplifyOutputs() {
    return source.localAmplifyOutputs();
  }
}
