package io.authflow.e2e.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.authflow.e2e.config.InboxConfig.InboxType;
import io.authflow.e2e.config.TargetConfig.Farm;
import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads {@code config/defaults.yaml}, then {@code config/<env>.yaml} over it, then {@code
 * -Dauthflow.<key>} and {@code AUTHFLOW_<KEY>} over both; Jackson binds the result to the records
 * ({@link ConfigBinding}: types, durations, choices, unknown keys), and the checks here are this
 * project's own (the stack and its target, the pool and its amplify_outputs.json, the app profile,
 * test domains, farm credentials). Every problem is collected and reported at once, each naming the
 * file or variable and the fix.
 *
 * <p>A new key is a line in config/defaults.yaml and a component of the record its section binds to
 * ({@link ConfigBinding.Settings}, or the public record it names, e.g. {@link LocalStackConfig}).
 */
public final class ConfigLoader {
  private static final String PROPERTY_PREFIX = "authflow.";
  private static final String VARIABLE_PREFIX = "AUTHFLOW_";
  // AUTHFLOW_ variables that are no config keys: the environment's name, and the mark every process
  // a run starts carries (the rehearsal stack's warm JVM is one).
  private static final Set<String> NOT_KEYS = Set.of("AUTHFLOW_ENV", "AUTHFLOW_RUN");
  // Also in docs/targets.md and in src/devicefarm/testspec.yml: the test spec selects no iOS host.
  static final String IOS_ON_DEVICE_FARM = "iOS on AWS Device Farm is not supported yet.";
  // The local stack's inbox takes any address; this domain is reserved (.test) and reaches no one.
  private static final String LOCAL_TEST_DOMAIN = "authflow.test";

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path configDir;
  private final Map<String, String> properties;
  private final Map<String, String> variables;

  public ConfigLoader(
      Path configDir, Map<String, String> properties, Map<String, String> variables) {
    this.configDir = configDir;
    this.properties = properties;
    this.variables = variables;
  }

  /** The environment named by {@code -Denv=} (or {@code AUTHFLOW_ENV}), {@code local} if none. */
  public static HarnessConfig fromSystem() {
    Map<String, String> properties = new TreeMap<>();
    System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
    String env =
        Optional.ofNullable(properties.get("env"))
            .or(() -> Optional.ofNullable(System.getenv("AUTHFLOW_ENV")))
            .filter(s -> !s.isBlank())
            .orElse("local");
    Path dir = Path.of(properties.getOrDefault("authflow.configDir", "config"));
    return new ConfigLoader(dir, properties, System.getenv()).load(env);
  }

  public HarnessConfig load(String env) {
    Path defaultsFile = configDir.resolve("defaults.yaml");
    Path envFile = configDir.resolve(env + ".yaml");
    if (!Files.isRegularFile(envFile)) {
      throw new ConfigException(
          "Unknown environment '"
              + env
              + "': there is no "
              + envFile
              + ". Known environments: "
              + known(configDir, "defaults.yaml")
              + ". Choose one with -Denv=<name>, or add "
              + envFile
              + ".");
    }
    ObjectNode defaults = readYaml(defaultsFile);
    ObjectNode merged = defaults.deepCopy();
    merge(merged, readYaml(envFile));
    List<String> problems = new ArrayList<>();
    Map<String, String> overridden = new HashMap<>();
    overlayOverrides(merged, defaults, problems, overridden);
    // Empty local.amplifyOutputs: the stand-in becomes the pool the tests are given.
    ObjectNode local = (ObjectNode) merged.get("local");
    if (local.path("amplifyOutputs").asText().isBlank()) {
      local.set("amplifyOutputs", merged.path("userPool").path("amplifyOutputs"));
    }
    ConfigBinding.Settings settings =
        new ConfigBinding(envFile.toString(), defaults, problems).bind(merged);
    HarnessConfig config =
        settings == null ? null : new Checks(envFile, problems).config(env, settings);
    if (!problems.isEmpty()) {
      problems.replaceAll(problem -> blameOverride(problem, envFile, overridden));
      throw new ConfigException(problems);
    }
    return config;
  }

  private static String known(Path dir, String except) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals(except))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
      return names.isEmpty() ? "none" : String.join(", ", names);
    } catch (IOException e) {
      return "(none: " + dir + " cannot be listed)";
    }
  }

  private ObjectNode readYaml(Path file) {
    try {
      JsonNode node = yaml.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return yaml.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(
            file + " must be a YAML mapping of keys to values, but it is a " + node.getNodeType());
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new ConfigException(
          file
              + " is not valid YAML"
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage()
              + ". Fix the file.");
    } catch (IOException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
  }

  /** Copies {@code layer} over {@code target}, section by section; binding names unknown keys. */
  private static void merge(ObjectNode target, JsonNode layer) {
    layer
        .fields()
        .forEachRemaining(
            field -> {
              if (target.get(field.getKey()) instanceof ObjectNode section
                  && field.getValue().isObject()) {
                merge(section, field.getValue());
              } else {
                target.set(field.getKey(), field.getValue());
              }
            });
  }

  /** Applies AUTHFLOW_* variables and -Dauthflow.* flags; {@code overridden} gets key → flag. */
  private void overlayOverrides(
      ObjectNode merged,
      ObjectNode defaults,
      List<String> problems,
      Map<String, String> overridden) {
    Map<String, String> leaves = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ConfigBinding.leafKeys(defaults, "").forEach(k -> leaves.put(k.replace('.', '_'), k));
    // Variables first, then -D: what is typed for this one run wins over the ambient environment.
    variables.forEach(
        (name, value) -> {
          if (name.startsWith(VARIABLE_PREFIX) && !NOT_KEYS.contains(name)) {
            String key = leaves.get(name.substring(VARIABLE_PREFIX.length()));
            set(merged, defaults, key, value, name, problems, overridden);
          }
        });
    properties.forEach(
        (name, value) -> {
          if (name.startsWith(PROPERTY_PREFIX) && !name.equals("authflow.configDir")) {
            String key = leaves.get(name.substring(PROPERTY_PREFIX.length()).replace('.', '_'));
            set(merged, defaults, key, value, "-D" + name, problems, overridden);
          }
        });
  }

  private static void set(
      ObjectNode merged,
      JsonNode defaults,
      String key,
      String value,
      String source,
      List<String> problems,
      Map<String, String> overridden) {
    if (key == null) {
      problems.add(source + " names no configuration key; see config/defaults.yaml for the keys.");
      return;
    }
    overridden.put(key, source);
    String[] parts = key.split("\\.");
    ObjectNode node = merged;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) node.get(parts[i]);
      defaults = defaults.get(parts[i]);
    }
    String name = parts[parts.length - 1];
    boolean list = defaults.get(name).isArray();
    node.set(name, list ? list(value, source, problems) : TextNode.valueOf(value));
  }

  /** Comma-separated, or a JSON array (["a,b", "c"]) when an item holds a comma itself. */
  private static ArrayNode list(String text, String source, List<String> problems) {
    ObjectMapper json = new ObjectMapper();
    if (text.trim().startsWith("[")) {
      try {
        return (ArrayNode) json.readTree(text);
      } catch (JsonProcessingException | ClassCastException e) {
        problems.add(source + " is not a JSON array of strings: " + e.getMessage() + ".");
      }
    }
    ArrayNode items = json.createArrayNode();
    Stream.of(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  /**
   * A problem with a value that a -D flag or a variable set is blamed on that flag, not on the
   * file, whose value it replaced.
   */
  private static String blameOverride(String problem, Path file, Map<String, String> overridden) {
    for (var entry : overridden.entrySet()) {
      String prefix = file + ": " + entry.getKey() + " ";
      if (problem.startsWith(prefix)) {
        return entry.getValue() + ": " + problem.substring((file + ": ").length());
      }
    }
    return problem;
  }

  /** What this project asks of the bound values beyond their types; a problem per bad one. */
  private final class Checks {
    private final Path file;
    private final List<String> problems;

    Checks(Path file, List<String> problems) {
      this.file = file;
      this.problems = problems;
    }

    HarnessConfig config(String env, ConfigBinding.Settings s) {
      boolean embedded = s.stack() == ConfigBinding.Stack.EMBEDDED;
      String appium = s.target().appium();
      if (!embedded && (appium.equals("embedded") || appium.isEmpty())) {
        problems.add(
            file
                + ": target.appium is '"
                + appium
                + "' but stack is 'none'; give the Appium server's URL (e.g."
                + " http://127.0.0.1:4723, or AUTHFLOW_TARGET_APPIUM) or set stack: embedded.");
      }
      InboxConfig inbox = s.inbox();
      if (!embedded && inbox.type() == InboxType.SMTP) {
        problems.add(
            file
                + ": inbox.type 'smtp' is the local stack's inbox; with stack: none use mailosaur.");
      }
      if (inbox.type() == InboxType.MAILOSAUR
          && variables.getOrDefault("MAILOSAUR_API_KEY", "").isBlank()) {
        // Listed with the other missing variables, so one run names everything to set.
        problems.add(
            "the environment variable MAILOSAUR_API_KEY is not set: "
                + file
                + " (inbox.type mailosaur) reads the Mailosaur API key from it; export"
                + " MAILOSAUR_API_KEY=… before the run (in CI, from a repository secret).");
      }
      UserPoolConfig pool = userPool(s.userPool(), embedded);
      LocalStackConfig local = s.local();
      if (embedded) {
        checkLocalOutputs(local.amplifyOutputs(), s.userPool().amplifyOutputs());
      }
      checkPattern("inbox.codePattern", inbox.codePattern());
      ConfigBinding.Users users = s.users();
      var config =
          new HarnessConfig(
              env,
              file,
              embedded,
              new AppConfig(appName(s.app().name()), s.app().url()),
              target(s.target()),
              pool,
              inbox,
              new UsersConfig(
                  required("users.emailPrefix", users.emailPrefix(), true),
                  required("users.emailDomain", users.emailDomain(), true),
                  users.sweepOlderThan(),
                  users.mobile()),
              s.timeouts(),
              local);
      requireTestDomain(users.emailDomain(), users.testDomains());
      if (!LocalStackConfig.CLIENTS.contains(local.appClient())) {
        problems.add(
            file
                + ": local.appClient is '"
                + local.appClient()
                + "'; use "
                + String.join(" or ", LocalStackConfig.CLIENTS)
                + " (-Dauthflow.local.appClient=…).");
      }
      if (local.emailDailyLimit() < 0) {
        problems.add(
            file
                + ": local.emailDailyLimit is "
                + local.emailDailyLimit()
                + "; use 0 or more (Cognito's is 50).");
      }
      problems.addAll(local.pool().problems(file.toString()));
      requireWholeSeconds("local.tokenValidity.access", local.tokenValidity().access());
      requireWholeSeconds("local.tokenValidity.id", local.tokenValidity().id());
      requireWholeSeconds("local.tokenValidity.refresh", local.tokenValidity().refresh());
      if (embedded) {
        requireOwnAppFiles(local);
      }
      return config;
    }

    // The stand-in takes whole seconds.
    private void requireWholeSeconds(String key, Duration lifetime) {
      if (lifetime.getNano() != 0) {
        problems.add(
            file + ": " + key + " is '" + lifetime + "'; use whole seconds, such as PT1S or PT5M.");
      }
    }

    /**
     * Test users are created, signed in and deleted at their addresses, so the domain must be one
     * that only tests use.
     */
    private void requireTestDomain(String domain, List<String> testDomains) {
      // Any Mailosaur server's domain is a test inbox; MailosaurInbox checks it is this run's.
      if (domain.isEmpty()
          || domain.equalsIgnoreCase(LOCAL_TEST_DOMAIN)
          || domain.toLowerCase(Locale.ROOT).endsWith(".mailosaur.net")
          || testDomains.stream().anyMatch(domain::equalsIgnoreCase)) {
        return;
      }
      problems.add(
          file
              + ": users.emailDomain is '"
              + domain
              + "', which is not a test domain: test users are created, signed in and deleted at"
              + " it. Use "
              + LOCAL_TEST_DOMAIN
              + " (the local stack), <inbox.serverId>.mailosaur.net, or a domain only your tests"
              + " use, listed under users.testDomains.");
    }

    /**
     * Your own app offline: a build without the outputs it imported would call a pool the stand-in
     * is not, and every sign-in would fail far from the cause.
     */
    private void requireOwnAppFiles(LocalStackConfig local) {
      if (local.appBuild().isEmpty()) {
        return;
      }
      Path build = Path.of(local.appBuild());
      if (!Files.isRegularFile(build.resolve("index.html"))) {
        problems.add(
            "local.appBuild is '"
                + local.appBuild()
                + "', which has no index.html ("
                + build.toAbsolutePath()
                + "); give the folder of the app's static web build (npx expo export --platform"
                + " web writes dist/, so does vite build).");
      }
      // A file that is missing or of another shape is named by checkLocalOutputs().
      if (local.amplifyOutputs().isEmpty()) {
        problems.add(
            "local.appBuild is set but local.amplifyOutputs is not: give the"
                + " amplify_outputs.json that build imported, so the local stack's Cognito answers"
                + " as the pool the app calls.");
      }
    }

    /**
     * The file the local stack's Cognito stand-in answers as: checked with the config, so a file
     * without the pool's ids is one line naming it, not a stand-in that exits at start.
     */
    private void checkLocalOutputs(String outputs, String poolOutputs) {
      if (outputs.isEmpty() || outputs.equals(poolOutputs)) {
        return; // none, or checked as userPool.amplifyOutputs already
      }
      try {
        AmplifyOutputs.read("local.amplifyOutputs", Path.of(outputs));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }

    /**
     * app.name, when its profile exists. A config dir without apps/ (a copy made for a test of
     * other keys) leaves the check to the profile's own load.
     */
    private String appName(String name) {
      Path apps = configDir.resolve("apps");
      if (required("app.name", name, true).isEmpty() || !Files.isDirectory(apps)) {
        return name;
      }
      Path profile = apps.resolve(name + ".yaml");
      if (!Files.isRegularFile(profile)) {
        problems.add(
            file
                + ": app.name is '"
                + name
                + "', but there is no "
                + profile
                + ". Known app profiles (in "
                + apps
                + "): "
                + known(apps, "")
                + ". Choose one with -Dauthflow.app.name=<name>, or add "
                + profile
                + " (README, \"Your app\").");
      }
      return name;
    }

    private TargetConfig target(TargetConfig t) {
      Platform platform = t.platform();
      Farm farm = t.farm();
      String app = t.app();
      if (farm == Farm.AWS_DEVICE_FARM && platform == Platform.IOS) {
        problems.add(
            file
                + ": "
                + IOS_ON_DEVICE_FARM
                + " Run the package on an Android device pool (target.platform: android).");
      }
      if (platform != Platform.BROWSER) {
        required("target.app", app, true);
        // A Grid node installs the app itself, so a path there is the node's, not ours.
        if (farm != Farm.GRID
            && !app.isEmpty()
            && !isAppReference(app)
            && !Files.exists(Path.of(app))) {
          problems.add(
              file
                  + ": target.app '"
                  + app
                  + "' does not exist (from "
                  + Path.of("").toAbsolutePath()
                  + "); build the app or point target.app (AUTHFLOW_TARGET_APP) at it.");
        }
      }
      String appId = platform == Platform.IOS ? "appium:bundleId" : "appium:appPackage";
      if (t.sessionPerWorker()
          && platform != Platform.BROWSER
          && !t.capabilities().containsKey(appId)) {
        problems.add(
            file
                + ": target.sessionPerWorker resets the app between scenarios and needs its id;"
                + " add "
                + appId
                + " under target.capabilities.");
      }
      return t.withCredentials(credentials(farm, t.credentials()));
    }

    /** What the farm already holds or fetches itself, as opposed to a file to upload. */
    private static boolean isAppReference(String app) {
      return app.matches("^(bs|lt|https?)://.*") || app.startsWith("storage:");
    }

    /**
     * Reads the farm's user name and key from the variables the config names, listing every missing
     * one: a run that cannot authenticate should stop before anything starts.
     */
    private TargetConfig.Credentials credentials(Farm farm, TargetConfig.Credentials names) {
      if (!farm.needsCredentials()) {
        return TargetConfig.Credentials.NONE;
      }
      String userVariable = required("target.credentials.username", names.usernameVariable(), true);
      String keyVariable =
          required("target.credentials.accessKey", names.accessKeyVariable(), true);
      return new TargetConfig.Credentials(
          userVariable,
          variable(userVariable, farm, "user name"),
          keyVariable,
          variable(keyVariable, farm, "access key"));
    }

    private String variable(String name, Farm farm, String what) {
      if (name.isEmpty()) {
        return "";
      }
      String value = variables.getOrDefault(name, "").trim();
      if (value.isEmpty()) {
        problems.add(
            "the environment variable "
                + name
                + " is not set: "
                + file
                + " (target.farm "
                + farm.configName()
                + ") reads the farm's "
                + what
                + " from it; export "
                + name
                + "=… before the run (in CI, from a repository secret).");
      }
      return value;
    }

    /**
     * The pool from the keys, completed by the app's amplify_outputs.json when
     * userPool.amplifyOutputs names one: a key left empty takes the file's value, a key that
     * disagrees with the file is a mistake (two pools), and the file's password policy is the
     * pool's own.
     */
    private UserPoolConfig userPool(ConfigBinding.Pool p, boolean embedded) {
      Optional<AmplifyOutputs> outputs = Optional.empty();
      if (!p.amplifyOutputs().isEmpty()) {
        try {
          outputs = Optional.of(AmplifyOutputs.read(Path.of(p.amplifyOutputs())));
        } catch (ConfigException e) {
          problems.addAll(e.problems());
        }
      }
      var fromApp = outputs.flatMap(AmplifyOutputs::passwordPolicy);
      return new UserPoolConfig(
          fromOutputs(
              p, "userPool.region", p.region(), outputs.map(AmplifyOutputs::region), !embedded),
          fromOutputs(p, "userPool.id", p.id(), outputs.map(AmplifyOutputs::userPoolId), !embedded),
          fromOutputs(
              p,
              "userPool.clientId",
              p.clientId(),
              outputs.map(AmplifyOutputs::userPoolClientId),
              !embedded),
          p.endpoint(),
          p.disposable(),
          fromApp.orElse(p.passwordPolicy()),
          fromApp.isPresent() ? PolicySource.AMPLIFY_OUTPUTS : PolicySource.CONFIG,
          p.awsProfile());
    }

    private String fromOutputs(
        ConfigBinding.Pool p, String key, String value, Optional<String> fromFile, boolean needed) {
      if (fromFile.isEmpty() || fromFile.get().isEmpty()) {
        return required(key, value, needed);
      }
      if (!value.isEmpty() && !value.equals(fromFile.get())) {
        problems.add(
            file
                + ": "
                + key
                + " is '"
                + value
                + "' but userPool.amplifyOutputs ("
                + p.amplifyOutputs()
                + ") says '"
                + fromFile.get()
                + "'; remove one of them so the tests use the pool the app uses.");
      }
      return fromFile.get();
    }

    private String required(String key, String value, boolean needed) {
      if (needed && value.isEmpty()) {
        problems.add(
            file
                + ": "
                + key
                + " is missing; set it in the file, with -Dauthflow."
                + key
                + "=…, or with AUTHFLOW_"
                + key.replace('.', '_').toUpperCase(Locale.ROOT)
                + ".");
      }
      return value;
    }

    private void checkPattern(String key, String value) {
      try {
        if (Pattern.compile(value).matcher("").groupCount() < 1) {
          problems.add(
              file
                  + ": "
                  + key
                  + " '"
                  + value
                  + "' needs a group around the code, e.g. \\b(\\d{6})\\b.");
        }
      } catch (PatternSyntaxException e) {
        problems.add(
            file
                + ": "
                + key
                + " '"
                + value
                + "' is not a regular expression: "
                + e.getDescription()
                + ".");
      }
    }
  }
}
