package io.authflow.e2e.local;

import io.authflow.e2e.config.LocalStackConfig;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the Chromium or Google Chrome and the ChromeDriver the local stack drives, where users have
 * them: the configured paths (local.browser, local.chromedriver), else PATH, else the usual install
 * places of Linux, macOS and Windows. Without a ChromeDriver, Appium's chromium driver downloads
 * the one matching the browser (it needs internet access for that).
 */
public final class BrowserLookup {
  private final FileSystem files;
  private final Os os;
  private final Map<String, String> env;

  /**
   * @param files where the paths are looked up (the machine's, or a fake tree in tests)
   * @param env the environment: PATH and, on Windows, the install folders' variables
   */
  public BrowserLookup(FileSystem files, Os os, Map<String, String> env) {
    this.files = files;
    this.os = os;
    // Windows spells its variables in any case (Path, PATH).
    this.env = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.env.putAll(env);
  }

  public static BrowserLookup forThisMachine() {
    return new BrowserLookup(FileSystems.getDefault(), Os.current(), System.getenv());
  }

  /**
   * @throws LocalStackException when a configured path is not an executable file, or no browser is
   *     found; one line naming what was looked for and how to set it
   */
  public Found find(LocalStackConfig configured) {
    Path browser =
        configured(configured.browser(), "local.browser", "AUTHFLOW_LOCAL_BROWSER")
            .or(() -> first(candidates(os.browserNames(), os.browserPlaces(env))))
            .orElseThrow(this::noBrowser);
    Optional<Path> driver =
        configured(configured.chromedriver(), "local.chromedriver", "AUTHFLOW_LOCAL_CHROMEDRIVER")
            .or(() -> first(candidates(List.of("chromedriver"), os.driverPlaces(env))));
    return new Found(os, browser, driver);
  }

  private Optional<Path> configured(String value, String key, String variable) {
    if (value.isBlank()) {
      return Optional.empty();
    }
    // A bare name (chromium) is looked up on PATH; anything else is a path.
    boolean bareName = !value.contains("/") && !value.contains(os.separator());
    Optional<Path> path =
        first(bareName ? candidates(List.of(value), List.of()) : Stream.of(value.trim()));
    if (path.isEmpty()) {
      throw new LocalStackException(
          key
              + " is '"
              + value
              + "', which is not an executable file here or on PATH; give the full path of the"
              + " program (in config/<env>.yaml, -Dauthflow."
              + key
              + "=… or "
              + variable
              + "=…), or leave it empty to look in the usual places.");
    }
    return path;
  }

  /**
   * Names on PATH first (what the user put there wins), in the order of {@code names} and then of
   * PATH, then the install places.
   */
  private Stream<String> candidates(List<String> names, List<String> places) {
    Stream<String> onPath =
        names.stream()
            .flatMap(name -> pathEntries().map(dir -> dir + os.separator() + os.executable(name)));
    return Stream.concat(onPath, places.stream());
  }

  private Stream<String> pathEntries() {
    String path = env.getOrDefault("PATH", "");
    return Stream.of(path.split(os.pathSeparator())).filter(s -> !s.isBlank());
  }

  private Optional<Path> first(Stream<String> candidates) {
    return candidates.map(this::executable).flatMap(Optional::stream).findFirst();
  }

  private Optional<Path> executable(String candidate) {
    try {
      Path path = files.getPath(candidate);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path.toAbsolutePath())
          : Optional.empty();
    } catch (InvalidPathException e) {
      // A PATH entry that is no path on this system (e.g. a quoted Windows folder).
      return Optional.empty();
    }
  }

  private LocalStackException noBrowser() {
    return new LocalStackException(
        "No Chromium or Google Chrome found for the local stack: looked for "
            + String.join(", ", os.browserNames().stream().map(os::executable).toList())
            + " on PATH and at "
            + String.join(", ", os.browserPlaces(env))
            + ". "
            + os.installHint()
            + ", or set local.browser (AUTHFLOW_LOCAL_BROWSER) and local.chromedriver"
            + " (AUTHFLOW_LOCAL_CHROMEDRIVER) to their paths.");
  }

  /**
   * What was found, as the capabilities of a session on the local stack's Appium.
   *
   * @param chromedriver empty: Appium's chromium driver downloads the ChromeDriver matching the
   *     browser
   */
  public record Found(Os os, Path browser, Optional<Path> chromedriver) {

    public Map<String, Object> capabilities() {
      Map<String, Object> caps = new LinkedHashMap<>();
      // ChromeDriver refuses a session whose platformName is not the machine's.
      caps.put("platformName", os.platformName());
      chromedriver.ifPresent(path -> caps.put("appium:executable", path.toString()));
      caps.put("appium:autodownloadEnabled", chromedriver.isEmpty());
      caps.put("goog:chromeOptions", Map.of("binary", browser.toString()));
      return caps;
    }

    /** One line for the log: what the local stack drives. */
    public String describe() {
      return "browser "
          + browser
          + ", "
          + chromedriver
              .map(path -> "ChromeDriver " + path)
              .orElse(
                  "no ChromeDriver found (local.chromedriver, PATH, usual places): Appium's"
                      + " chromium driver downloads the one matching the browser, which needs"
                      + " internet access");
    }
  }

  /** The operating systems the local stack runs on, and where each keeps browsers. */
  public enum Os {
    LINUX,
    MAC,
    WINDOWS;

    public static Os current() {
      String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (name.startsWith("windows")) {
        return WINDOWS;
      }
      return name.startsWith("mac") ? MAC : LINUX;
    }

    /** The platformName the chromium driver and ChromeDriver expect for this machine. */
    String platformName() {
      return name().toLowerCase(Locale.ROOT);
    }

    String separator() {
      return this == WINDOWS ? "\\" : "/";
    }

    String pathSeparator() {
      return this == WINDOWS ? ";" : ":";
    }

    String executable(String name) {
      return this == WINDOWS && !name.endsWith(".exe") ? name + ".exe" : name;
    }

    /** Program names on PATH, Chromium first: distributions ship it with a matching driver. */
    List<String> browserNames() {
      return this == WINDOWS
          ? List.of("chrome")
          : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    }

    List<String> browserPlaces(Map<String, String> env) {
      return switch (this) {
        case LINUX ->
            List.of(
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/snap/bin/chromium",
                "/usr/bin/google-chrome",
                "/opt/google/chrome/chrome");
        case MAC -> {
          List<String> apps = new ArrayList<>();
          for (String root : macApplicationFolders(env)) {
            apps.add(root + "/Chromium.app/Contents/MacOS/Chromium");
            apps.add(root + "/Google Chrome.app/Contents/MacOS/Google Chrome");
            apps.add(
                root + "/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing");
          }
          yield apps;
        }
        case WINDOWS ->
            windowsFolders(env, "PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA").stream()
                .flatMap(
                    base ->
                        Stream.of(
                            base + "\\Chromium\\Application\\chrome.exe",
                            base + "\\Google\\Chrome\\Application\\chrome.exe"))
                .toList();
      };
    }

    List<String> driverPlaces(Map<String, String> env) {
      return switch (this) {
        case LINUX ->
            List.of(
                "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver",
                "/usr/lib/chromium-browser/chromedriver",
                "/snap/bin/chromium.chromedriver");
        // Homebrew's prefixes on Apple silicon and on Intel.
        case MAC -> List.of("/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver");
        // Chocolatey's shims folder.
        case WINDOWS ->
            Stream.concat(
                    windowsFolders(env, "ChocolateyInstall").stream(),
                    windowsFolders(env, "ProgramData").stream().map(d -> d + "\\chocolatey"))
                .map(base -> base + "\\bin\\chromedriver.exe")
                .toList();
      };
    }

    private static List<String> macApplicationFolders(Map<String, String> env) {
      String home = env.getOrDefault("HOME", "");
      return home.isBlank()
          ? List.of("/Applications")
          : List.of("/Applications", home + "/Applications");
    }

    private static List<String> windowsFolders(Map<String, String> env, String... variables) {
      return Stream.of(variables)
          .map(v -> env.getOrDefault(v, ""))
          .filter(v -> !v.isBlank())
          .toList();
    }

    /** What to install on this OS, for the message when nothing was found. */
    String installHint() {
      return switch (this) {
        case LINUX ->
            "Install Chromium and its driver (Debian/Ubuntu: sudo apt-get install chromium"
                + " chromium-driver; Fedora: sudo dnf install chromium chromedriver)";
        case MAC ->
            "Install Google Chrome (brew install --cask google-chrome; its driver: brew install"
                + " --cask chromedriver, or let Appium download the matching one)";
        case WINDOWS ->
            "Install Google Chrome (winget install Google.Chrome, or choco install googlechrome"
                + " chromedriver)";
      };
    }
  }
}
