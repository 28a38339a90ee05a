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
    List<Character> chars = new ArrayList<>();
    // One of each class whether required or not: a stricter real pool still accepts it.
    for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      chars.add(pick(set));
    }
    String all = UPPER + LOWER + DIGITS + SYMBOLS;
    int length = Math.max(policy.minLength(), 8) + 4;
    while (chars.size() < length) {
      chars.add(pick(all));
    }
    Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder();
    chars.forEach(password::append);
    return password.toString();
  }

  private char pick(String set) {
    return set.charAt(random.nextInt(set.length()));
  }
}
