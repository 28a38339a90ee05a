package io.authflow.e2e.report;

import io.authflow.e2e.config.AppProfileFile;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run ran against, for Allure's environment.properties: the environment, the target, the app
 * build, the Appium and driver versions, the pool (its id masked). Filled while the run goes: the
 * Appium version from the preflight, the session's facts from the first session that started.
 */
public final class RunEnvironment {
  private static final Pattern CREATED =
      Pattern.compile("creating new (\\w+) \\(v([^)]+)\\) session");
  private final Map<String, String> facts = new ConcurrentHashMap<>();

  public void appiumVersion(String version) {
    facts.put("appium.version", version);
  }

  /** The capabilities a server returned for a new session; the first session's are kept. */
  public void session(Map<String, Object> capabilities) {
    facts.putIfAbsent("session.automationName", text(capabilities, "automationName"));
    facts.putIfAbsent("session.platformVersion", text(capabilities, "platformVersion"));
    facts.putIfAbsent("session.deviceName", text(capabilities, "deviceName"));
    facts.putIfAbsent("session.browserVersion", text(capabilities, "browserVersion"));
    facts.putIfAbsent("session.app", text(capabilities, "app"));
  }

  /** The entries of environment.properties; no value holds a secret. */
  public Map<String, String> entries(HarnessConfig config, Path projectRoot) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("Environment", config.env() + " (" + config.file() + ")");
    entries.put(
        "Target",
        config.target().platform().name().toLowerCase(Locale.ROOT)
            + join(", device ", facts.get("session.deviceName"))
            + join(", OS ", facts.get("session.platformVersion"))
            + join(", browser ", facts.get("session.browserVersion")));
    entries.put("App", config.app().name() + ", build " + appBuild(config, projectRoot));
    entries.put("Appium server", maskUrl(config.target().appium()));
    entries.put("Appium version", facts.getOrDefault("appium.version", "not reported"));
    entries.put("Appium driver", driver(config, projectRoot));
    entries.put("User pool", config.userPool().region() + " " + maskPoolId(config.userPool().id()));
    entries.put("Inbox", config.inbox().type().name().toLowerCase(Locale.ROOT));
    entries.put("Java", System.getProperty("java.version"));
    return entries;
  }

  /** Keeps the region prefix and the last two characters: enough to tell pools apart. */
  public static String maskPoolId(String id) {
    int underscore = id.indexOf('_');
    if (underscore < 0 || id.length() - underscore <= 3) {
      return id.isEmpty() ? "(none)" : "****";
    }
    String rest = id.substring(underscore + 1);
    return id.substring(0, underscore + 1)
        + "*".repeat(rest.length() - 2)
        + rest.substring(rest.length() - 2);
  }

  /** A URL without user info (farm hubs carry keys there) and without a query (signed URLs). */
  public static String maskUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return url.replaceAll("[?#].*", "");
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "(not a URL)";
    }
  }

  private String appBuild(HarnessConfig config, Path root) {
    String app = facts.get("session.app");
    if (app != null && !app.isEmpty()) {
      return maskUrl(app);
    }
    if (!config.embeddedStack()) {
      return "not reported";
    }
    // The build served, a team's own (local.appBuild) or one of the project's, stamped by
    // prepare.sh with the hash of its sources.
    Path build = AppProfileFile.of(config).servedBuild(root, config);
    Path sourceHash = build.resolve(".authflow-src.sha256");
    if (Files.isRegularFile(sourceHash)) {
      try {
        String hash = Files.readString(sourceHash).trim();
        return "local browser build of source " + hash.substring(0, Math.min(12, hash.length()));
      } catch (IOException e) {
        return "local browser build";
      }
    }
    return "the static build in " + build.toAbsolutePath().normalize();
  }

  /**
   * The session's driver. The local stack's Appium names it with its version when it creates a
   * session ("creating new ChromiumDriver (v3.1.1) session"); a remote server reports no version.
   */
  private String driver(HarnessConfig config, Path root) {
    if (!facts.containsKey("session.automationName")) {
      return "no session started";
    }
    String name = facts.get("session.automationName");
    if (config.embeddedStack()) {
      try (Stream<String> lines = Files.lines(root.resolve("reports/local-stack/appium.log"))) {
        Optional<String> created =
            lines
                .map(CREATED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2))
                .findFirst();
        if (created.isPresent()) {
          return created.get().replaceFirst("Driver ", " ");
        }
      } catch (IOException | UncheckedIOException e) {
        // Fall through to what the session reported.
      }
    }
    return (name.isEmpty() ? "not reported" : name) + " (the server reports no driver version)";
  }

  private static String text(Map<String, Object> capabilities, String name) {
    Object value = capabilities.getOrDefault("appium:" + name, capabilities.get(name));
    return value == null ? "" : value.toString();
  }

  private static String join(String separator, String value) {
    return value == null || value.isEmpty() ? "" : separator + value;
  }
}
