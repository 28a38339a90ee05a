package io.authflow.e2e.screens;

import com.fasterxml.jackson.databind.JsonNode;
import io.authflow.e2e.config.AppProfileFile;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words an app shows for each outcome, by intent: the {@code messages} section of the app
 * profile ({@code config/apps/<app>.yaml}) over Cognito's own wording, which an app that shows
 * Amplify's error text (as the reference app does) needs no entry for. Features name the intent ("a
 * wrong code"), never the sentence, so one feature serves every app and backend.
 */
public final class AppMessages {
  static final String SECTION = "messages";

  // Cognito's answers, as Amplify JS passes them on (error.message), by intent.
  private static final Map<String, String> COGNITO =
      Map.ofEntries(
          Map.entry("wrongPassword", "Incorrect username or password."),
          Map.entry("unknownUser", "User does not exist."),
          Map.entry("wrongCode", "Invalid verification code provided, please try again."),
          // A wrong code at an MFA or passwordless sign-in (CodeMismatchException).
          Map.entry("wrongSignInCode", "Invalid code received for user"),
          Map.entry("emailAlreadyRegistered", "An account with the given email already exists."),
          Map.entry(
              "passwordThatIsTooShort",
              "Password did not conform with policy: Password not long enough"),
          Map.entry(
              "passwordThatHasNoNumber",
              "Password did not conform with policy: Password must have numeric characters"),
          Map.entry(
              "passwordThatHasNoUppercaseLetter",
              "Password did not conform with policy: Password must have uppercase characters"),
          Map.entry(
              "passwordThatHasNoLowercaseLetter",
              "Password did not conform with policy: Password must have lowercase characters"),
          Map.entry(
              "passwordThatHasNoSymbol",
              "Password did not conform with policy: Password must have symbol characters"),
          // ConfirmForgotPassword words the same rule differently from SignUp.
          Map.entry(
              "newPasswordThatIsTooShort",
              "Password does not conform to policy: Password not long enough"));

  private final Path file;
  private final Map<String, String> profile;
  // Intents the profile maps to null: outcomes after which the app shows no message at all.
  private final Set<String> none;

  private AppMessages(Path file, Map<String, Optional<String>> section) {
    this.file = file;
    Map<String, String> words = new HashMap<>();
    Set<String> silent = new HashSet<>();
    section.forEach(
        (intent, text) ->
            text.ifPresentOrElse(t -> words.put(intent, t), () -> silent.add(intent)));
    this.profile = Map.copyOf(words);
    this.none = Set.copyOf(silent);
  }

  /** The words of the profile {@code app.name} selects, beside the config file in use. */
  public AppMessages(HarnessConfig config) {
    this(AppProfileFile.of(config));
  }

  private AppMessages(AppProfileFile profile) {
    this(profile.file(), section(profile));
  }

  /** The profile at {@code file}; a missing file has no words of its own. */
  static AppMessages load(Path file) {
    return new AppMessages(AppProfileFile.read(file));
  }

  /** Whether the profile says the app shows no message for {@code intent} (a null entry). */
  public boolean showsNone(String intent) {
    return none.contains(intent);
  }

  /** The words for {@code intent}, and where they come from (for the report). */
  public Words words(String intent) {
    String own = profile.get(intent);
    if (own != null) {
      return new Words(own, SECTION + "." + intent + " of " + file);
    }
    return Optional.ofNullable(COGNITO.get(intent))
        .map(
            w ->
                new Words(
                    w, "Cognito's wording (no " + SECTION + "." + intent + " in " + file + ")"))
        .orElseThrow(
            () ->
                new ConfigException(
                    file
                        + " has no "
                        + SECTION
                        + "."
                        + intent
                        + "; add it with the words the app shows for that outcome."));
  }

  /** Words an app shows, and the source they were taken from. */
  public record Words(String text, String source) {}

  /** The section as written: intent to words, or to nothing when the app shows none (null). */
  private static Map<String, Optional<String>> section(AppProfileFile profile) {
    Path file = profile.file();
    JsonNode section = profile.root().path(SECTION);
    Map<String, Optional<String>> words = new HashMap<>();
    if (!section.isMissingNode() && !section.isObject()) {
      throw new ConfigException(file + ": " + SECTION + " must map intents to the words shown.");
    }
    section
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                words.put(e.getKey(), Optional.empty());
                return;
              }
              if (!e.getValue().isTextual()) {
                throw new ConfigException(
                    file
                        + ": "
                        + SECTION
                        + "."
                        + e.getKey()
                        + " must be the text the app shows (null: it shows none).");
              }
              words.put(e.getKey(), Optional.of(e.getValue().asText()));
            });
    return Map.copyOf(words);
  }
}
