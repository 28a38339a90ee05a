package io.authflow.e2e.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An app profile ({@code config/apps/<app>.yaml}) as written, read by this class alone: the screens
 * take its locators, messages and flow from it (screens.AppProfile), the local stack its browser
 * build and the amplify_outputs.json that build imported.
 */
public final class AppProfileFile {
  private final Path file;
  private final JsonNode root;

  private AppProfileFile(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** The profile {@code app.name} selects: apps/ beside the config file in use. */
  public static AppProfileFile of(HarnessConfig config) {
    return read(
        config
            .file()
            .toAbsolutePath()
            .getParent()
            .resolve("apps")
            .resolve(config.app().name() + ".yaml"));
  }

  /** The profile at {@code file}; a missing file reads as one with no keys ({@link #exists()}). */
  public static AppProfileFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new AppProfileFile(file, JsonNodeFactory.instance.objectNode());
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      return new AppProfileFile(
          file,
          root == null || root.isMissingNode() ? JsonNodeFactory.instance.objectNode() : root);
    } catch (IOException e) {
      throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
    }
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The top-level keys and their values: locators ({@code <screen>.<element>}) and sections. */
  public JsonNode root() {
    return root;
  }

  /**
   * The static build the local stack serves: local.appBuild (relative to the working directory),
   * else the profile's localBuild in the project at {@code projectRoot}.
   */
  public Path servedBuild(Path projectRoot, HarnessConfig config) {
    String configured = config.localStack().appBuild();
    return configured.isEmpty() ? projectRoot.resolve(localBuild()) : Path.of(configured);
  }

  /**
   * The browser build the local stack serves, relative to the project (its dist folder); {@code
   * local.appBuild} overrides it.
   */
  public Path localBuild() {
    return path("localBuild")
        .orElseThrow(
            () ->
                new ConfigException(
                    file
                        + " has no localBuild, so the local stack cannot serve this app; give the"
                        + " folder of its browser build (e.g. src/local/app/dist) there or in"
                        + " local.appBuild, or run it against a target that has the app"
                        + " (-Denv=<env>)."));
  }

  /**
   * The amplify_outputs.json the local build imported, relative to the project: the local stack's
   * Cognito answers as the pool it names; {@code local.amplifyOutputs} overrides it.
   */
  public Optional<Path> localAmplifyOutputs() {
    return path("localAmplifyOutputs");
  }

  private Optional<Path> path(String key) {
    return root.hasNonNull(key) ? Optional.of(Path.of(root.get(key).asText())) : Optional.empty();
  }
}
