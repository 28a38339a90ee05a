package io.authflow.e2e.userpool;

import java.util.Locale;

/**
 * Refuses destructive calls on a pool that config does not mark disposable, and on any address that
 * is not a test address ({@code <prefix>-…@<domain>}): a typo in a config must never delete a real
 * customer.
 */
public final class PoolGuard {
  private final String poolId;
  private final boolean disposable;
  private final String prefix;
  private final String domain;

  public PoolGuard(String poolId, boolean disposable, String prefix, String domain) {
    this.poolId = poolId;
    this.disposable = disposable;
    this.prefix = prefix.toLowerCase(Locale.ROOT) + "-";
    this.domain = "@" + domain.toLowerCase(Locale.ROOT);
  }

  public void checkDestructive(String action, String email) {
    if (!disposable) {
      throw new UnsafePoolOperationException(
          "Refused to "
              + action
              + " in user pool "
              + poolId
              + ": the config does not mark it disposable. Set userPool.disposable: true only for"
              + " a pool that holds nothing but test users.");
    }
    if (email != null && !isTestAddress(email)) {
      throw new UnsafePoolOperationException(
          "Refused to "
              + action
              + " "
              + email
              + " in user pool "
              + poolId
              + ": not a test address (test users are "
              + prefix
              + "…"
              + domain
              + ").");
    }
  }

  public boolean isTestAddress(String email) {
    String lower = email.toLowerCase(Locale.ROOT);
    return lower.startsWith(prefix) && lower.endsWith(domain);
  }
}
