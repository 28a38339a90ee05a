package io.authflow.e2e.steps;

import java.util.Locale;

/**
 * An outcome as a feature names it ("a password that is too short"), and as the app profile's
 * {@code messages} section keys it: the same words camel-cased ({@code passwordThatIsTooShort}), a
 * hyphen parting words as a space does ("a wrong sign-in code": {@code wrongSignInCode}).
 */
public record MessageIntent(String key) {
  public static MessageIntent fromWords(String words) {
    StringBuilder key = new StringBuilder();
    for (String word : words.trim().split("[\\s-]+")) {
      key.append(
          key.isEmpty()
              ? word.toLowerCase(Locale.ROOT)
              : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
    }
    return new MessageIntent(key.toString());
  }
}
