package io.authflow.e2e.config;

/**
 * Loads and validates the configuration chosen with {@code -Denv=}, nothing else. Maven runs it
 * right after compiling when {@code -Denv} is given (the {@code config-check} profile), so a cloud
 * run without its credentials stops in seconds, before the harness's own tests and the local
 * stack's preparation, with the loader's one message listing every missing variable.
 */
public final class ConfigCheck {
  private ConfigCheck() {}

  public static void main(String[] args) {
    try {
      HarnessConfig config = ConfigLoader.fromSystem();
      System.out.println(
          "authflow-e2e: configuration '"
              + config.env()
              + "' ("
              + config.file()
              + ") is complete.");
    } catch (ConfigException e) {
      // The message is the whole story; a stack trace would bury it.
      System.err.println("authflow-e2e: " + e.getMessage());
      System.exit(1);
    }
  }
}
