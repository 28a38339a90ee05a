package io.authflow.e2e.report;

import io.authflow.e2e.userpool.PoolUser;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user pool record as a product owner reads it, redacted: status and the attributes that explain
 * a sign-in outcome; a phone number keeps its last three digits, other attributes only their names.
 */
public final class PoolSnapshot {
  private static final Set<String> SHOWN =
      Set.of("email", "email_verified", "phone_number_verified", "sub");

  private PoolSnapshot() {}

  public static String of(PoolUser user) {
    StringBuilder text =
        new StringBuilder()
            .append("Username: ")
            .append(user.username())
            .append("\nStatus: ")
            .append(user.status())
            .append("\nEnabled: ")
            .append(user.enabled())
            .append("\nCreated: ")
            .append(user.created())
            .append("\nAttributes:");
    new TreeMap<>(user.attributes())
        .forEach(
            (name, value) ->
                text.append("\n  ").append(name).append(": ").append(shown(name, value)));
    return text.toString();
  }

  public static String absent(String email) {
    return "The user pool has no user " + email + " (at the time of the failure).";
  }

  private static String shown(String name, String value) {
    if (SHOWN.contains(name)) {
      return value;
    }
    if (name.equals("phone_number") && value.length() > 3) {
      return "*".repeat(value.length() - 3) + value.substring(value.length() - 3);
    }
    return "(hidden, " + value.length() + " characters)";
  }
}
