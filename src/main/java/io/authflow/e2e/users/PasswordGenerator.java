package io.authflow.e2e.users;

import io.authflow.e2e.config.PasswordPolicy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Passwords the pool's policy accepts: every required class present, longer than the minimum. */
public final class PasswordGenerator {
  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  static final String DIGITS = "23456789";
  // A subset of Cognito's allowed symbols that needs no escaping in shells, YAML or JSON.
  static final String SYMBOLS = "!#%*+-=?@^_";

  private final PasswordPolicy policy;
  private final SecureRandom random = new SecureRandom();

  public PasswordGenerator(PasswordPolicy policy) {
    this.policy = policy;
  }

  public String generate() {
    return ofLength(Math.max(policy.minLength(), 8) + 4);
  }

  /** {@code length} characters (4 or more), one of each class among them. */
  private String ofLength(int length) {
    List<Character> chars = new ArrayList<>();
    // One of each class whether required or not: a stricter real pool still accepts it.
    for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      chars.add(pick(set));
    }
    String all = UPPER + LOWER + DIGITS + SYMBOLS;
    while (chars.size() < length) {
      chars.add(pick(all));
    }
    Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder();
    chars.forEach(password::append);
    return password.toString();
  }

  /**
   * A password that breaks the policy in exactly one way: everything else about it is valid, so the
   * pool's answer names that one rule.
   */
  public String breaking(PasswordFlaw flaw) {
    String valid = generate();
    return switch (flaw) {
      // Still 6 or more: below that Cognito answers with a request-validation error instead.
      // A cut-off valid password could lose a class too; this one keeps all four.
      case TOO_SHORT -> ofLength(Math.max(6, policy.minLength() - 1));
      case NO_NUMBER -> replaceAll(valid, DIGITS, LOWER);
      case NO_UPPERCASE -> replaceAll(valid, UPPER, LOWER);
      case NO_LOWERCASE -> replaceAll(valid, LOWER, UPPER);
      case NO_SYMBOL -> replaceAll(valid, SYMBOLS, UPPER);
    };
  }

  private String replaceAll(String password, String banned, String replacements) {
    StringBuilder result = new StringBuilder();
    for (char c : password.toCharArray()) {
      result.append(banned.indexOf(c) >= 0 ? pick(replacements) : c);
    }
    return result.toString();
  }

  private char pick(String set) {
    return set.charAt(random.nextInt(set.length()));
  }
}
