package io.authflow.e2e.doctor;

import io.authflow.e2e.config.ClosestName;
import io.cucumber.core.options.PluginOption;
import io.cucumber.junit.platform.engine.Constants;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Cucumber's own options (tags, name filter, plugins, parallel settings, order), as the JUnit
 * Platform engine will read them: -D flags over junit-platform.properties. The engine parses most
 * of them only when a scenario runs, after the local stack started, and then fails every scenario
 * with a stack trace; checked here first, each bad one is one line naming the flag and the fix.
 */
public final class CucumberOptions {
  static final String PROPERTIES_FILE = "junit-platform.properties";
  private static final String PARALLEL_CONFIG = "cucumber.execution.parallel.config.";
  private static final String EXCLUSIVE_RESOURCES = "cucumber.execution.exclusive-resources.";

  private final Map<String, String> options;
  private final Map<String, String> sources;

  /**
   * @param fromFile the options of junit-platform.properties
   * @param flags the JVM's system properties (the -D flags): they win over the file, as in JUnit
   */
  CucumberOptions(Map<String, String> fromFile, Map<String, String> flags) {
    Map<String, String> merged = new TreeMap<>();
    Map<String, String> from = new TreeMap<>();
    fromFile.forEach(
        (k, v) -> {
          if (k.startsWith("cucumber.")) {
            merged.put(k, v);
            from.put(k, k + " in " + PROPERTIES_FILE + " (src/test/resources)");
          }
        });
    flags.forEach(
        (k, v) -> {
          if (k.startsWith("cucumber.")) {
            merged.put(k, v);
            from.put(k, "-D" + k + "=\"" + v + "\"");
          }
        });
    this.options = merged;
    this.sources = from;
  }

  /** This JVM's options: its -D flags over the class path's junit-platform.properties. */
  public static CucumberOptions ofThisRun() {
    Map<String, String> file = new TreeMap<>();
    // The features' run has the file on its class path; the doctor (Maven's own JVM) reads the
    // project's copy.
    Path project = Path.of("src/test/resources", PROPERTIES_FILE);
    try (InputStream in =
        Optional.ofNullable(
                Thread.currentThread().getContextClassLoader().getResourceAsStream(PROPERTIES_FILE))
            .orElse(Files.isRegularFile(project) ? Files.newInputStream(project) : null)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        properties.forEach((k, v) -> file.put(k.toString(), v.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + PROPERTIES_FILE, e);
    }
    Map<String, String> flags = new TreeMap<>();
    System.getProperties().forEach((k, v) -> flags.put(k.toString(), v.toString()));
    return new CucumberOptions(file, flags);
  }

  /** The tag filter, if one is given (call after {@link #problems()} found none). */
  public Optional<Expression> tags() {
    return Optional.ofNullable(options.get(Constants.FILTER_TAGS_PROPERTY_NAME))
        .filter(s -> !s.isBlank())
        .map(TagExpressionParser::parse);
  }

  /** The scenario name filter, if one is given (call after {@link #problems()} found none). */
  public Optional<Pattern> name() {
    return Optional.ofNullable(options.get(Constants.FILTER_NAME_PROPERTY_NAME))
        .filter(s -> !s.isBlank())
        .map(Pattern::compile);
  }

  /** One line per bad option, naming the flag (or file) and the fix; empty when all are good. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    List<String> known = knownKeys();
    options.forEach(
        (key, value) -> {
          String where = sources.get(key);
          Optional<String> problem = check(key, value.strip(), known);
          problem.ifPresent(p -> problems.add(where + ": " + p));
        });
    return problems;
  }

  private Optional<String> check(String key, String value, List<String> known) {
    try {
      switch (key) {
        case Constants.FILTER_TAGS_PROPERTY_NAME -> {
          if (!value.isEmpty()) {
            TagExpressionParser.parse(value);
          }
        }
        case Constants.FILTER_NAME_PROPERTY_NAME -> {
          if (!value.isEmpty()) {
            Pattern.compile(value);
          }
        }
        case Constants.PLUGIN_PROPERTY_NAME ->
            // Split as the engine splits it: a comma between plugins.
            Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(PluginOption::parse);
        case Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME,
            Constants.EXECUTION_DRY_RUN_PROPERTY_NAME,
            Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME,
            Constants.PLUGIN_PUBLISH_ENABLED_PROPERTY_NAME,
            Constants.ANSI_COLORS_DISABLED_PROPERTY_NAME -> {
          // JUnit reads anything but "true" as false: a typo would silently run serially.
          return oneOf(value.toLowerCase(Locale.ROOT), "true", "false");
        }
        case Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME -> {
          return oneOf(value.toLowerCase(Locale.ROOT), "dynamic", "fixed", "custom");
        }
        case Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME,
            Constants.PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME -> {
          if (Integer.parseInt(value) < 1) {
            return Optional.of("must be a whole number of at least 1, not '" + value + "'.");
          }
        }
        case Constants.PARALLEL_CONFIG_DYNAMIC_FACTOR_PROPERTY_NAME -> {
          if (!(new java.math.BigDecimal(value).signum() > 0)) {
            return Optional.of("must be a number above 0, not '" + value + "'.");
          }
        }
        case Constants.EXECUTION_ORDER_PROPERTY_NAME -> {
          return oneOf(value.toLowerCase(Locale.ROOT), "lexical", "reverse", "random");
        }
        case Constants.EXECUTION_ORDER_RANDOM_SEED_PROPERTY_NAME -> Long.parseLong(value);
        case Constants.EXECUTION_MODE_FEATURE_PROPERTY_NAME -> {
          return oneOf(value.toLowerCase(Locale.ROOT), "same_thread", "concurrent");
        }
        case Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME -> {
          return oneOf(value.toLowerCase(Locale.ROOT), "long", "short", "surefire");
        }
        case Constants.SNIPPET_TYPE_PROPERTY_NAME -> {
          return oneOf(value.toLowerCase(Locale.ROOT), "underscore", "camelcase");
        }
        default -> {
          return unknown(key, known);
        }
      }
      return Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of("'" + value + "' is not a number.");
    } catch (PatternSyntaxException e) {
      return Optional.of(
          "is not a regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ". Fix the pattern (a scenario name part, e.g. \"sign.*in\").");
    } catch (RuntimeException e) {
      // Cucumber's own parse errors (tag expressions, plugins) say what is wrong in their message.
      String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
      return Optional.of(
          switch (key) {
            case Constants.FILTER_TAGS_PROPERTY_NAME ->
                "is not a tag expression: "
                    + message
                    + " Fix it, e.g. \"@smoke and not @otp-sms\".";
            case Constants.PLUGIN_PROPERTY_NAME ->
                "names a plugin Cucumber cannot use: "
                    + message
                    + " Give built-in names (html:<file>, junit:<file>, pretty) or a class on the"
                    + " class path, separated by commas.";
            default -> message;
          });
    }
  }

  private static Optional<String> oneOf(String value, String... allowed) {
    return Arrays.asList(allowed).contains(value)
        ? Optional.empty()
        : Optional.of("must be " + String.join(" or ", allowed) + ", not '" + value + "'.");
  }

  private static Optional<String> unknown(String key, List<String> known) {
    if (known.contains(key)
        || key.startsWith(PARALLEL_CONFIG)
        || key.startsWith(EXCLUSIVE_RESOURCES)
        || key.startsWith(Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME + ".")) {
      return Optional.empty();
    }
    return Optional.of(
        "Cucumber has no option "
            + key
            + ClosestName.to(key, known).map(k -> "; did you mean " + k + "?").orElse(".")
            + " It would be ignored.");
  }

  /** The option names Cucumber's JUnit Platform engine defines, read from its Constants. */
  private static List<String> knownKeys() {
    List<String> keys = new ArrayList<>();
    for (Field field : Constants.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && field.getName().endsWith("_PROPERTY_NAME")) {
        try {
          keys.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return keys;
  }
}
