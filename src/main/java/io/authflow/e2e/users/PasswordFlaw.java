package io.authflow.e2e.users;

/** One way a password can break the pool's policy, as a product owner would say it. */
public enum PasswordFlaw {
  TOO_SHORT("is too short"),
  NO_NUMBER("has no number"),
  NO_UPPERCASE("has no uppercase letter"),
  NO_LOWERCASE("has no lowercase letter"),
  NO_SYMBOL("has no symbol");

  private final String words;

  PasswordFlaw(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  public static PasswordFlaw fromWords(String words) {
    for (PasswordFlaw flaw : values()) {
      if (flaw.words.equals(words)) {
        return flaw;
      }
    }
    throw new IllegalArgumentException("No password flaw '" + words + "'");
  }
}
