package io.authflow.e2e.device;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the real config/&lt;profile&gt;.yaml as a run would, with a stand-in environment: fake farm
 * credentials, an app, and the other sections' required keys (pool, inbox), so a test sees only
 * what the target section decides.
 */
final class Profiles {
  static final Path PLACEHOLDER_APK = Path.of("src/test/resources/apps/placeholder.apk");
  static final Path PLACEHOLDER_IPA = Path.of("src/test/resources/apps/placeholder.ipa");

  static final Map<String, String> FARM_CREDENTIALS =
      Map.of(
          "BROWSERSTACK_USERNAME", "bs-user",
          "BROWSERSTACK_ACCESS_KEY", "bs-secret-key",
          "SAUCE_USERNAME", "sauce-user",
          "SAUCE_ACCESS_KEY", "sauce-secret-key",
          "LT_USERNAME", "lt-user",
          "LT_ACCESS_KEY", "lt-secret-key",
          "MAILOSAUR_API_KEY", "mailosaur-key");

  private Profiles() {}

  /** The profile with every variable it needs set; {@code app} becomes AUTHFLOW_TARGET_APP. */
  static HarnessConfig complete(String env, String app, Map<String, String> more) {
    Map<String, String> variables = new HashMap<>(FARM_CREDENTIALS);
    if (!app.isEmpty()) {
      variables.put("AUTHFLOW_TARGET_APP", app);
    }
    variables.putAll(more);
    return load(env, otherSections(), variables);
  }

  static HarnessConfig load(
      String env, Map<String, String> properties, Map<String, String> variables) {
    return new ConfigLoader(Path.of("config"), properties, variables).load(env);
  }

  /** A pool and inbox for the remote profiles, set only through keys that defaults.yaml has. */
  static Map<String, String> otherSections() {
    Map<String, String> properties = new HashMap<>();
    properties.put("authflow.userPool.region", "eu-west-1");
    properties.put("authflow.userPool.id", "eu-west-1_abc123");
    properties.put("authflow.userPool.clientId", "client123");
    try {
      // The inbox section is another engineer's and still growing; set its server only if known.
      if (Files.readString(Path.of("config/defaults.yaml")).contains("serverId:")) {
        properties.put("authflow.inbox.serverId", "server123");
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("config/defaults.yaml cannot be read", e);
    }
    return properties;
  }

  /** The app each profile is tested with: what its farm holds, or a local placeholder file. */
  static String appFor(String env) {
    if (env.startsWith("browserstack")) {
      return "bs://c700ce60cf13ae8ed97705a55b8e022f13c5827c";
    }
    if (env.startsWith("saucelabs")) {
      return "storage:6a0c6d3d-0b8a-4d8e-9a6f-1f0e0e0e0e0e";
    }
    if (env.startsWith("lambdatest")) {
      return "lt://APP10160301691753941998244672";
    }
    if (env.equals("grid")) {
      return "https://apps.example.test/authflow.apk";
    }
    if (env.equals("local")) {
      return "";
    }
    return (env.startsWith("ios") ? PLACEHOLDER_IPA : PLACEHOLDER_APK).toString();
  }
}
