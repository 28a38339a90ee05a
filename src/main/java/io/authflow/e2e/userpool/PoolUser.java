package io.authflow.e2e.userpool;

import java.time.Instant;
import java.util.Map;

/** A user as the admin API reports them: status (UNCONFIRMED, CONFIRMED, …) and attributes. */
public record PoolUser(
    String username,
    String status,
    boolean enabled,
    Instant created,
    Map<String, String> attributes) {

  public PoolUser {
    attributes = Map.copyOf(attributes);
  }

  public String email() {
    return attributes.getOrDefault("email", "");
  }

  public boolean isVerified(String attribute) {
    return "true".equals(attributes.get(attribute + "_verified"));
  }
}
