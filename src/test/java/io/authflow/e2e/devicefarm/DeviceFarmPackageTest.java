package io.authflow.e2e.devicefarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS Device Farm test package and spec against AWS's documented shape for Appium Java JUnit: a
 * zip holding the project's jar, its tests jar and a dependency-jars/ folder at the top (here also
 * features/ and config/, which the runner reads from the unpacked package). The package is built by
 * Maven as a user builds it ({@code mvn package -Pdevicefarm}), into a separate build directory,
 * and unpacked.
 */
class DeviceFarmPackageTest {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  private static final String SENTENCE = "iOS on AWS Device Farm is not supported yet.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path build;
  private static Path zip;

  @BeforeAll
  static void buildThePackage() throws Exception {
    Path log = build.resolve("mvn.log");
    Process mvn =
        new ProcessBuilder(
                "mvn",
                "-B",
                "-q",
                "package",
                "-Pdevicefarm",
                "-DskipTests",
                "-Dlocal.prepare.skip=true",
                // The reports of the run this test is part of stay.
                "-Dreports.keep=true",
                "-Dbuild.dir=" + build.resolve("target"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = mvn.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      mvn.destroyForcibly();
    }
    assertThat(ended && mvn.exitValue() == 0)
        .as(
            "mvn package -Pdevicefarm ended well within %s; its output:%n%s",
            BUILD_TIMEOUT, tail(log))
        .isTrue();
    zip = build.resolve("target/zip-with-dependencies.zip");
  }

  @Test
  void theZipHoldsTheJarTheTestsJarAndDependencyJarsAtTheTop() throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      List<String> topJars =
          names.stream().filter(n -> !n.contains("/") && n.endsWith(".jar")).toList();
      List<String> dependencies =
          names.stream()
              .filter(n -> n.startsWith("dependency-jars/") && n.endsWith(".jar"))
              .map(n -> n.substring("dependency-jars/".length()))
              .toList();

      assertThat(topJars)
          .hasSize(2)
          .anyMatch(n -> n.endsWith("-tests.jar"))
          .anyMatch(n -> !n.endsWith("-tests.jar"));
      assertThat(dependencies)
          .isNotEmpty()
          .allMatch(n -> !n.contains("/"))
          .anyMatch(n -> n.startsWith("junit-platform-console-"))
          .anyMatch(n -> n.startsWith("cucumber-junit-platform-engine-"))
          .anyMatch(n -> n.startsWith("java-client-"))
          .noneMatch(n -> n.startsWith("wiremock-"))
          .noneMatch(n -> n.startsWith("selenium-grid-"));
      assertThat(names).anyMatch(n -> n.startsWith("features/") && n.endsWith(".feature"));
      assertThat(names).contains("config/aws-device-farm.yaml", "config/defaults.yaml");
      assertThat(names).noneMatch(n -> n.startsWith("src/") || n.contains("node_modules"));
    }
  }

  @Test
  void theTestsJarHoldsTheClassAndSettingsTheSpecRuns() throws IOException {
    String testSpec = Files.readString(Path.of("src/devicefarm/testspec.yml"));
    assertThat(testSpec).contains("--select-class io.authflow.e2e.RunFeaturesIT");
    try (ZipFile file = new ZipFile(zip.toFile())) {
      String testsJar =
          file.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.endsWith("-tests.jar"))
              .findFirst()
              .orElseThrow();
      Path unpacked = build.resolve("tests.jar");
      Files.copy(file.getInputStream(file.getEntry(testsJar)), unpacked);
      try (ZipFile tests = new ZipFile(unpacked.toFile())) {
        assertThat(tests.getEntry("io/authflow/e2e/RunFeaturesIT.class")).isNotNull();
        assertThat(tests.getEntry("junit-platform.properties")).isNotNull();
      }
    }
  }

  @Test
  void theSpecInstallsTheDriverWithAppiumOnTheDocumentedAndroidHost() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("src/devicefarm/testspec.yml").toFile());
    List<String> install = new ArrayList<>();
    spec.at("/phases/install/commands").forEach(c -> install.add(c.asText()));

    assertThat(spec.path("version").asText()).isEqualTo("0.1");
    assertThat(spec.path("android_test_host").asText()).isEqualTo("amazon_linux_2");
    assertThat(String.join("\n", install))
        .contains("appium driver install uiautomator2@")
        .doesNotContain("appium-uiautomator2-driver")
        .contains(SENTENCE);
    assertThat(spec.path("artifacts").get(0).asText()).isEqualTo("$DEVICEFARM_LOG_DIR");
    assertThat(Files.readString(Path.of("docs/targets.md"))).contains(SENTENCE);
  }

  @Test
  void theSpecRunsTheAppiumAndDriverVersionsTheLockFilesPinOnANodeAppiumAccepts()
      throws IOException {
    JsonNode appiumLock = JSON.readTree(Path.of("src/local/appium/package-lock.json").toFile());
    JsonNode driversLock =
        JSON.readTree(Path.of("src/local/appium-mobile/package-lock.json").toFile());
    JsonNode appium = appiumLock.at("/packages/node_modules~1appium");
    String driver =
        driversLock.at("/packages/node_modules~1appium-uiautomator2-driver/version").asText();
    List<String> install = new ArrayList<>();
    new ObjectMapper(new YAMLFactory())
        .readTree(Path.of("src/devicefarm/testspec.yml").toFile())
        .at("/phases/install/commands")
        .forEach(c -> install.add(c.asText()));

    // The drivers' test runs them on the Appium of src/local/appium: one Appium version.
    assertThat(driversLock.at("/packages//dependencies/appium").asText())
        .isEqualTo("file:../appium/node_modules/appium");
    assertThat(install)
        .contains(
            "export APPIUM_HOME=\"$DEVICEFARM_TEST_PACKAGE_PATH/appium\"",
            "(cd \"$APPIUM_HOME\" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)",
            "appium driver install uiautomator2@" + driver)
        .noneMatch(c -> c.startsWith("devicefarm-cli use appium"));
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (String name : List.of("package.json", "package-lock.json")) {
        try (var shipped = file.getInputStream(file.getEntry("appium/" + name))) {
          assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8))
              .as("appium/%s in the package", name)
              .isEqualTo(Files.readString(Path.of("src/local/appium", name)));
        }
      }
    }

    Matcher node =
        Pattern.compile("devicefarm-cli use node (\\d+)").matcher(String.join("\n", install));
    assertThat(node.find()).as("the spec selects a Node.js with devicefarm-cli").isTrue();
    int major = Integer.parseInt(node.group(1));
    String engines = appium.at("/engines/node").asText();
    Matcher caret = Pattern.compile("\\^" + major + "\\.(\\d+)\\.").matcher(engines);
    assertThat(caret.find())
        .as(
            "Appium %s's engines (%s) take Node.js %d",
            appium.path("version").asText(), engines, major)
        .isTrue();
    assertThat(String.join("\n", install))
        .contains("major > " + major + " || (major === " + major + " && minor >= " + caret.group(1))
        .contains(
            "Appium "
                + appium.path("version").asText()
                + " needs Node.js "
                + major
                + "."
                + caret.group(1));
  }

  @Test
  void theProfileRefusesAnIosDeviceWithTheSentence() {
    Map<String, String> variables =
        Map.of(
            "AUTHFLOW_TARGET_PLATFORM", "ios",
            "AUTHFLOW_TARGET_APP", "https://apps.example/authflow.ipa",
            "AUTHFLOW_USERPOOL_REGION", "eu-west-1",
            "AUTHFLOW_USERPOOL_ID", "eu-west-1_Abc123",
            "AUTHFLOW_USERPOOL_CLIENTID", "client",
            "AUTHFLOW_INBOX_SERVERID", "abcd1234",
            "AUTHFLOW_USERS_EMAILDOMAIN", "abcd1234.mailosaur.net",
            "MAILOSAUR_API_KEY", "key");

    var refused =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Path.of("config"), Map.of(), variables).load("aws-device-farm"));
    var android = new java.util.HashMap<>(variables);
    android.put("AUTHFLOW_TARGET_PLATFORM", "android");

    assertThat(refused.getMessage()).contains("config/aws-device-farm.yaml", SENTENCE);
    assertThat(
            new ConfigLoader(Path.of("config"), Map.of(), android)
                .load("aws-device-farm")
                .target()
                .platform())
        .isEqualTo(Platform.ANDROID);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
