package io.authflow.e2e.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app runs: the platform, the Appium server (or "embedded" for the local stack's), the
 * device farm if any, the app to install, and capabilities merged over the target's defaults.
 *
 * @param farm who hosts the devices; decides the capability shape and how a local app is uploaded
 * @param app a local .apk/.ipa (uploaded to the farm first) or a reference the farm already holds
 *     (bs://…, storage:…, lt://…, a URL); empty for the browser build
 * @param device the device (or simulator) name; empty leaves the choice to the server
 * @param build the build name farms group sessions under
 * @param udids devices to bind workers to, one each; empty lets the server choose
 * @param sessionPerWorker keep one Appium session per worker thread and reset the app between
 *     scenarios, instead of a new session per scenario
 * @param browserArgs Chromium arguments the browser build's sessions get after the harness's own
 *     (the local stack's Cognito host mapping and certificate pin)
 */
public record TargetConfig(
    Platform platform,
    String appium,
    Farm farm,
    String app,
    String device,
    String osVersion,
    String appiumVersion,
    String build,
    Credentials credentials,
    List<String> udids,
    boolean sessionPerWorker,
    Map<String, Object> capabilities,
    List<String> browserArgs) {

  public TargetConfig {
    udids = List.copyOf(udids);
    capabilities = Map.copyOf(capabilities);
    browserArgs = List.copyOf(browserArgs);
  }

  /** The same target with {@code read}: the farm's credentials with their variables' values. */
  TargetConfig withCredentials(Credentials read) {
    return new TargetConfig(
        platform,
        appium,
        farm,
        app,
        device,
        osVersion,
        appiumVersion,
        build,
        read,
        udids,
        sessionPerWorker,
        capabilities,
        browserArgs);
  }

  public boolean embeddedAppium() {
    return "embedded".equals(appium);
  }

  TargetConfig withAppium(String url) {
    return new TargetConfig(
        platform,
        url,
        farm,
        app,
        device,
        osVersion,
        appiumVersion,
        build,
        credentials,
        udids,
        sessionPerWorker,
        capabilities,
        browserArgs);
  }

  /** The same target whose browser sessions also get {@code more} Chromium arguments. */
  TargetConfig withBrowserArgs(List<String> more) {
    List<String> args = new java.util.ArrayList<>(browserArgs);
    args.addAll(more);
    return new TargetConfig(
        platform,
        appium,
        farm,
        app,
        device,
        osVersion,
        appiumVersion,
        build,
        credentials,
        udids,
        sessionPerWorker,
        capabilities,
        args);
  }

  /**
   * The same target with {@code found} under its capabilities: a key the profile sets wins, and a
   * map both give (e.g. goog:chromeOptions) is merged key by key.
   */
  @SuppressWarnings("unchecked")
  TargetConfig withDefaults(Map<String, Object> found) {
    Map<String, Object> merged = new LinkedHashMap<>(found);
    capabilities.forEach(
        (key, own) ->
            merged.merge(
                key,
                own,
                (base, mine) -> {
                  if (base instanceof Map<?, ?> b && mine instanceof Map<?, ?> m) {
                    Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) b);
                    both.putAll((Map<String, Object>) m);
                    return both;
                  }
                  return mine;
                }));
    return new TargetConfig(
        platform,
        appium,
        farm,
        app,
        device,
        osVersion,
        appiumVersion,
        build,
        credentials,
        udids,
        sessionPerWorker,
        merged,
        browserArgs);
  }

  /** Who hosts the devices. */
  public enum Farm {
    NONE(false),
    BROWSERSTACK(true),
    SAUCELABS(true),
    LAMBDATEST(true),
    AWS_DEVICE_FARM(false),
    GRID(false);

    private final boolean needsCredentials;

    Farm(boolean needsCredentials) {
      this.needsCredentials = needsCredentials;
    }

    /** BrowserStack, Sauce Labs and LambdaTest authenticate every session and upload. */
    public boolean needsCredentials() {
      return needsCredentials;
    }

    /** The name used in config files: browserstack, aws-device-farm, … */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A farm's user name and access key, read from the environment variables the config names. The
   * key never appears in {@link #toString()}, so a logged config cannot leak it.
   */
  public record Credentials(
      String usernameVariable, String username, String accessKeyVariable, String accessKey) {
    public static final Credentials NONE = new Credentials("", "", "", "");

    /** The variables' names as the config gives them, before their values are read. */
    static Credentials named(String usernameVariable, String accessKeyVariable) {
      return new Credentials(usernameVariable, "", accessKeyVariable, "");
    }

    public boolean present() {
      return !username.isEmpty() && !accessKey.isEmpty();
    }

    @Override
    public String toString() {
      return "Credentials[" + usernameVariable + ", " + accessKeyVariable + ", values hidden]";
    }
  }
}
