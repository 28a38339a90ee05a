package io.authflow.e2e.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads {@code config/defaults.yaml}, then {@code config/<env>.yaml} over it, then {@code
 * -Dauthflow.<key>} and {@code AUTHFLOW_<KEY>} over both, and validates the result. Every problem
 * is collected and reported at once, each naming the file or variable and the fix.
 */
public final class ConfigLoader {
  private static final String PROPERTY_PREFIX = "authflow.";
  private static final String VARIABLE_PREFIX = "AUTHFLOW_";
  private static final String FREE_FORM = "target.capabilities";
  // Also in the README and in src/devicefarm/testspec.yml: the test spec selects no iOS host.
  static final String IOS_ON_DEVICE_FARM = "iOS on AWS Device Farm is not supported yet.";

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
              + knownEnvironments()
              + ". Choose one with -Denv=<name>, or add "
              + envFile
              + ".");
    }
    ObjectNode defaults = readYaml(defaultsFile);
    ObjectNode merged = defaults.deepCopy();
    List<String> problems = new ArrayList<>();
    overlay(merged, readYaml(envFile), "", defaults, defaults, envFile.toString(), problems);
    Map<String, String> overridden = new HashMap<>();
    overlayOverrides(merged, problems, overridden);
    return new Reader(merged, envFile, problems, variables, overridden, configDir.resolve("apps"))
        .read(env);
  }

  private String knownEnvironments() {
    try (Stream<Path> files = Files.list(configDir)) {
      return String.join(
          ", ",
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("defaults.yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList());
    } catch (IOException e) {
      return "(none: " + configDir + " cannot be listed)";
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

  /** Copies {@code layer} over {@code target}; keys the defaults do not know are typos. */
  private void overlay(
      ObjectNode target,
      JsonNode layer,
      String path,
      JsonNode known,
      JsonNode defaults,
      String source,
      List<String> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = layer.fields(); it.hasNext(); ) {
      var field = it.next();
      String key = path + field.getKey();
      JsonNode knownChild = known == null ? null : known.get(field.getKey());
      if (key.startsWith(FREE_FORM)) {
        target.set(field.getKey(), field.getValue());
      } else if (knownChild == null) {
        problems.add(source + ": unknown key '" + key + "'" + suggestion(key, defaults) + ".");
      } else if (knownChild.isObject() && field.getValue().isObject()) {
        overlay(
            (ObjectNode) target.get(field.getKey()),
            field.getValue(),
            key + ".",
            knownChild,
            defaults,
            source,
            problems);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  /** Applies AUTHFLOW_* variables and -Dauthflow.* flags; {@code overridden} gets key → flag. */
  private void overlayOverrides(
      ObjectNode merged, List<String> problems, Map<String, String> overridden) {
    Map<String, String> leaves = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    leafKeys(merged, "").forEach(k -> leaves.put(k.replace('.', '_'), k));
    // Variables first, then -D: what is typed for this one run wins over the ambient environment.
    variables.forEach(
        (name, value) -> {
          if (name.startsWith(VARIABLE_PREFIX) && !name.equals("AUTHFLOW_ENV")) {
            set(
                merged,
                leaves.get(name.substring(VARIABLE_PREFIX.length())),
                value,
                name,
                problems,
                overridden);
          }
        });
    properties.forEach(
        (name, value) -> {
          if (name.startsWith(PROPERTY_PREFIX) && !name.equals("authflow.configDir")) {
            String key = name.substring(PROPERTY_PREFIX.length());
            set(
                merged,
                leaves.get(key.replace('.', '_')),
                value,
                "-D" + name,
                problems,
                overridden);
          }
        });
  }

  private static void set(
      ObjectNode merged,
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
    }
    node.set(parts[parts.length - 1], TextNode.valueOf(value));
  }

  private static List<String> leafKeys(JsonNode node, String path) {
    List<String> keys = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            f -> {
              String key = path + f.getKey();
              if (f.getValue().isObject() && !key.equals(FREE_FORM)) {
                keys.addAll(leafKeys(f.getValue(), key + "."));
              } else if (!key.equals(FREE_FORM)) {
                keys.add(key);
              }
            });
    return keys;
  }

  private static String suggestion(String key, JsonNode defaults) {
    // A mistyped section ('userpool:') is compared with the sections, a mistyped key with the keys.
    return leafKeys(defaults, "").stream()
        .map(
            known -> known.startsWith(".", key.length()) ? known.substring(0, key.length()) : known)
        .filter(known -> known.equalsIgnoreCase(key))
        .findFirst()
        .map(known -> " (did you mean '" + known + "'?)")
        .orElse(" (see config/defaults.yaml for the keys)");
  }

  /** Turns the merged tree into records, collecting a problem per bad value. */
  // The local stack's inbox takes any address; this domain is reserved (.test) and reaches no one.
  private static final String LOCAL_TEST_DOMAIN = "authflow.test";

  private static final class Reader {
    private final JsonNode root;
    private final Path file;
    private final List<String> problems;
    private final Map<String, String> variables;
    private final Map<String, String> overridden;
    private final Path apps;

    Reader(
        JsonNode root,
        Path file,
        List<String> problems,
        Map<String, String> variables,
        Map<String, String> overridden,
        Path apps) {
      this.root = root;
      this.file = file;
      this.problems = problems;
      this.variables = variables;
      this.overridden = overridden;
      this.apps = apps;
    }

    /**
     * A problem with a value that a -D flag or a variable set is blamed on that flag, not on the
     * file, whose value it replaced.
     */
    private String blameOverride(String problem) {
      for (var entry : overridden.entrySet()) {
        String prefix = file + ": " + entry.getKey() + " ";
        if (problem.startsWith(prefix)) {
          return entry.getValue() + ": " + problem.substring((file + ": ").length());
        }
      }
      return problem;
    }

    /**
     * Test users are created, signed in and deleted at their addresses, so the domain must be one
     * that only tests use.
     */
    private void requireTestDomain(String domain) {
      // Any Mailosaur server's domain is a test inbox; MailosaurInbox checks it is this run's.
      if (domain.isEmpty()
          || domain.equalsIgnoreCase(LOCAL_TEST_DOMAIN)
          || domain.toLowerCase(Locale.ROOT).endsWith(".mailosaur.net")
          || list("users.testDomains").stream().anyMatch(domain::equalsIgnoreCase)) {
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

    HarnessConfig read(String env) {
      boolean embedded = oneOf("stack", List.of("embedded", "none")).equals("embedded");
      Platform platform =
          Platform.valueOf(
              oneOf("target.platform", List.of("browser", "android", "ios"))
                  .toUpperCase(Locale.ROOT));
      String appium = text("target.appium");
      if (!embedded && (appium.equals("embedded") || appium.isEmpty())) {
        problems.add(
            file
                + ": target.appium is '"
                + appium
                + "' but stack is 'none'; give the Appium server's URL (e.g."
                + " http://127.0.0.1:4723, or AUTHFLOW_TARGET_APPIUM) or set stack: embedded.");
      }
      InboxType inbox =
          InboxType.valueOf(
              oneOf("inbox.type", List.of("smtp", "mailosaur")).toUpperCase(Locale.ROOT));
      if (!embedded && inbox == InboxType.SMTP) {
        problems.add(
            file
                + ": inbox.type 'smtp' is the local stack's inbox; with stack: none use mailosaur.");
      }
      if (inbox == InboxType.MAILOSAUR
          && variables.getOrDefault("MAILOSAUR_API_KEY", "").isBlank()) {
        // Listed with the other missing variables, so one run names everything to set.
        problems.add(
            "the environment variable MAILOSAUR_API_KEY is not set: "
                + file
                + " (inbox.type mailosaur) reads the Mailosaur API key from it; export"
                + " MAILOSAUR_API_KEY=… before the run (in CI, from a repository secret).");
      }
      var pool = userPool(embedded);
      if (embedded) {
        checkLocalOutputs();
      }
      var config =
          new HarnessConfig(
              env,
              file,
              embedded,
              new AppConfig(appName(), text("app.url")),
              target(platform, appium),
              pool,
              new InboxConfig(
                  inbox,
                  pattern("inbox.codePattern"),
                  text("inbox.serverId"),
                  text("inbox.apiUrl")),
              new UsersConfig(
                  required("users.emailPrefix", true),
                  required("users.emailDomain", true),
                  duration("users.sweepOlderThan"),
                  text("users.mobile")),
              new Timeouts(
                  duration("timeouts.screen"),
                  duration("timeouts.code"),
                  duration("timeouts.session"),
                  duration("timeouts.localStack"),
                  duration("timeouts.api"),
                  duration("timeouts.poll"),
                  duration("timeouts.sessionExpiry")),
              new LocalStackConfig(
                  localAppClient(),
                  text("local.appBuild"),
                  text("local.amplifyOutputs").isEmpty()
                      ? text("userPool.amplifyOutputs")
                      : text("local.amplifyOutputs"),
                  text("local.browser"),
                  text("local.chromedriver"),
                  localEmailDailyLimit(),
                  new TokenValidity(
                      tokenLifetime("local.tokenValidity.access"),
                      tokenLifetime("local.tokenValidity.id"),
                      tokenLifetime("local.tokenValidity.refresh"))));
      requireTestDomain(config.users().emailDomain());
      if (embedded) {
        requireOwnAppFiles(config.localStack());
      }
      if (!problems.isEmpty()) {
        problems.replaceAll(this::blameOverride);
        throw new ConfigException(problems);
      }
      return config;
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
    private void checkLocalOutputs() {
      String outputs = text("local.amplifyOutputs");
      if (outputs.isEmpty() || outputs.equals(text("userPool.amplifyOutputs"))) {
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
    private String appName() {
      String name = required("app.name", true);
      if (name.isEmpty() || !Files.isDirectory(apps)) {
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
                + knownProfiles()
                + ". Choose one with -Dauthflow.app.name=<name>, or add "
                + profile
                + " (README, \"Your app\").");
      }
      return name;
    }

    private String knownProfiles() {
      try (Stream<Path> files = Files.list(apps)) {
        List<String> names =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".yaml"))
                .map(n -> n.substring(0, n.length() - ".yaml".length()))
                .sorted()
                .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
      } catch (IOException e) {
        return "(none: " + apps + " cannot be listed)";
      }
    }

    private int localEmailDailyLimit() {
      int limit = integer("local.emailDailyLimit");
      if (limit < 0) {
        problems.add(
            file + ": local.emailDailyLimit is " + limit + "; use 0 or more (Cognito's is 50).");
      }
      return limit;
    }

    // The stand-in takes whole seconds.
    private Duration tokenLifetime(String key) {
      Duration lifetime = duration(key);
      if (lifetime.getNano() != 0) {
        problems.add(
            file
                + ": "
                + key
                + " is '"
                + text(key)
                + "'; use whole seconds, such as PT1S or PT5M.");
      }
      return lifetime;
    }

    private String localAppClient() {
      String client = text("local.appClient");
      if (!LocalStackConfig.CLIENTS.contains(client)) {
        problems.add(
            file
                + ": local.appClient is '"
                + client
                + "'; use "
                + String.join(" or ", LocalStackConfig.CLIENTS)
                + " (-Dauthflow.local.appClient=…).");
      }
      return client;
    }

    private TargetConfig target(Platform platform, String appium) {
      Farm farm =
          Farm.valueOf(
              oneOf("target.farm", Stream.of(Farm.values()).map(Farm::configName).toList())
                  .toUpperCase(Locale.ROOT)
                  .replace('-', '_'));
      String app = text("target.app");
      if (farm == Farm.AWS_DEVICE_FARM && platform == Platform.IOS) {
        problems.add(
            file
                + ": "
                + IOS_ON_DEVICE_FARM
                + " Run the package on an Android device pool (target.platform: android).");
      }
      if (platform != Platform.BROWSER) {
        required("target.app", true);
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
      Map<String, Object> capabilities = capabilities();
      boolean sessionPerWorker = bool("target.sessionPerWorker");
      String appId = platform == Platform.IOS ? "appium:bundleId" : "appium:appPackage";
      if (sessionPerWorker && platform != Platform.BROWSER && !capabilities.containsKey(appId)) {
        problems.add(
            file
                + ": target.sessionPerWorker resets the app between scenarios and needs its id;"
                + " add "
                + appId
                + " under target.capabilities.");
      }
      return new TargetConfig(
          platform,
          appium,
          farm,
          app,
          text("target.device"),
          text("target.osVersion"),
          text("target.appiumVersion"),
          text("target.build"),
          credentials(farm),
          list("target.udids"),
          sessionPerWorker,
          capabilities,
          list("target.browserArgs"));
    }

    /** What the farm already holds or fetches itself, as opposed to a file to upload. */
    private static boolean isAppReference(String app) {
      return app.matches("^(bs|lt|https?)://.*") || app.startsWith("storage:");
    }

    /**
     * Reads the farm's user name and key from the variables the config names, listing every missing
     * one: a run that cannot authenticate should stop before anything starts.
     */
    private TargetConfig.Credentials credentials(Farm farm) {
      if (!farm.needsCredentials()) {
        return TargetConfig.Credentials.NONE;
      }
      String userVariable = required("target.credentials.username", true);
      String keyVariable = required("target.credentials.accessKey", true);
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
     * A YAML list, or text from -Dauthflow.… or AUTHFLOW_…: comma-separated, or a JSON array
     * (["a,b", "c"]) when an item holds a comma itself.
     */
    private List<String> list(String key) {
      JsonNode node = node(key);
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (node.isTextual() && node.asText().trim().startsWith("[")) {
        try {
          node = new ObjectMapper().readTree(node.asText());
        } catch (JsonProcessingException e) {
          problems.add(key + " is not a JSON array of strings: " + e.getOriginalMessage() + ".");
          return List.of();
        }
      }
      Stream<String> items =
          node.isArray()
              ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
              : Stream.of(node.asText().split(","));
      return items.map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The pool from the keys, completed by the app's amplify_outputs.json when
     * userPool.amplifyOutputs names one: a key left empty takes the file's value, a key that
     * disagrees with the file is a mistake (two pools), and the file's password policy is the
     * pool's own.
     */
    private UserPoolConfig userPool(boolean embedded) {
      String outputsPath = text("userPool.amplifyOutputs");
      Optional<AmplifyOutputs> outputs = Optional.empty();
      if (!outputsPath.isEmpty()) {
        try {
          outputs = Optional.of(AmplifyOutputs.read(Path.of(outputsPath)));
        } catch (ConfigException e) {
          problems.addAll(e.problems());
        }
      }
      var configured =
          new PasswordPolicy(
              integer("userPool.passwordPolicy.minLength"),
              bool("userPool.passwordPolicy.requireUppercase"),
              bool("userPool.passwordPolicy.requireLowercase"),
              bool("userPool.passwordPolicy.requireNumbers"),
              bool("userPool.passwordPolicy.requireSymbols"));
      var fromApp = outputs.flatMap(AmplifyOutputs::passwordPolicy);
      return new UserPoolConfig(
          fromOutputs("userPool.region", outputs.map(AmplifyOutputs::region), !embedded),
          fromOutputs("userPool.id", outputs.map(AmplifyOutputs::userPoolId), !embedded),
          fromOutputs(
              "userPool.clientId", outputs.map(AmplifyOutputs::userPoolClientId), !embedded),
          text("userPool.endpoint"),
          bool("userPool.disposable"),
          fromApp.orElse(configured),
          fromApp.isPresent() ? PolicySource.AMPLIFY_OUTPUTS : PolicySource.CONFIG,
          text("userPool.awsProfile"));
    }

    private String fromOutputs(String key, Optional<String> fromFile, boolean needed) {
      String value = text(key);
      if (fromFile.isEmpty() || fromFile.get().isEmpty()) {
        return required(key, needed);
      }
      if (!value.isEmpty() && !value.equals(fromFile.get())) {
        problems.add(
            file
                + ": "
                + key
                + " is '"
                + value
                + "' but userPool.amplifyOutputs ("
                + text("userPool.amplifyOutputs")
                + ") says '"
                + fromFile.get()
                + "'; remove one of them so the tests use the pool the app uses.");
      }
      return fromFile.get();
    }

    private JsonNode node(String key) {
      JsonNode node = root;
      for (String part : key.split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      return node;
    }

    private String text(String key) {
      JsonNode node = node(key);
      return node == null || node.isNull() ? "" : node.asText().trim();
    }

    private String required(String key, boolean needed) {
      String value = text(key);
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

    private String oneOf(String key, List<String> allowed) {
      String value = text(key).toLowerCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        problems.add(
            file
                + ": "
                + key
                + " is '"
                + text(key)
                + "'; use one of "
                + String.join(", ", allowed)
                + ".");
        return allowed.get(0);
      }
      return value;
    }

    private boolean bool(String key) {
      String value = text(key);
      if (!value.equals("true") && !value.equals("false")) {
        problems.add(file + ": " + key + " is '" + value + "'; use true or false.");
      }
      return value.equals("true");
    }

    private int integer(String key) {
      try {
        return Integer.parseInt(text(key));
      } catch (NumberFormatException e) {
        problems.add(file + ": " + key + " is '" + text(key) + "'; use a whole number.");
        return 0;
      }
    }

    private Duration duration(String key) {
      try {
        Duration value = Duration.parse(text(key));
        if (value.isNegative() || value.isZero()) {
          problems.add(file + ": " + key + " is '" + text(key) + "'; it must be longer than zero.");
        }
        return value;
      } catch (DateTimeParseException e) {
        problems.add(
            file
                + ": "
                + key
                + " is '"
                + text(key)
                + "', not a duration; use ISO-8601 such as PT15S (15 seconds) or PT2H.");
        return Duration.ZERO;
      }
    }

    private String pattern(String key) {
      String value = text(key);
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
      return value;
    }

    private Map<String, Object> capabilities() {
      JsonNode node = node(FREE_FORM);
      if (node == null || node.getNodeType() == JsonNodeType.NULL) {
        return Map.of();
      }
      if (!node.isObject()) {
        problems.add(file + ": " + FREE_FORM + " must be a mapping of capability names to values.");
        return Map.of();
      }
      return new ObjectMapper()
          .convertValue(
              node, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    }
  }
}
