package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.LocalStackConfig;
import io.authflow.e2e.local.BrowserLookup.Os;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local stack's browser and ChromeDriver found as users have them installed, on a fake file
 * tree of each OS: configured paths, PATH, the usual install places, and nothing at all.
 */
class BrowserLookupTest {
  private static final LocalStackConfig NOTHING_CONFIGURED = LocalStackConfig.browser("", "");

  private FileSystem files;

  @AfterEach
  void close() throws IOException {
    if (files != null) {
      files.close();
    }
  }

  private Path install(String path) throws IOException {
    Path file = files.getPath(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }

  private BrowserLookup onLinux() {
    files = Jimfs.newFileSystem(Configuration.unix());
    return new BrowserLookup(files, Os.LINUX, Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"));
  }

  private BrowserLookup onMacOs() {
    files = Jimfs.newFileSystem(Configuration.osX());
    return new BrowserLookup(
        files, Os.MAC, Map.of("PATH", "/opt/homebrew/bin:/usr/bin:/bin", "HOME", "/Users/qa"));
  }

  private BrowserLookup onWindows() {
    files = Jimfs.newFileSystem(Configuration.windows());
    return new BrowserLookup(
        files,
        Os.WINDOWS,
        Map.of(
            "Path", "C:\\Windows\\system32;C:\\tools",
            "ProgramFiles", "C:\\Program Files",
            "ProgramFiles(x86)", "C:\\Program Files (x86)",
            "LOCALAPPDATA", "C:\\Users\\qa\\AppData\\Local",
            "ProgramData", "C:\\ProgramData"));
  }

  @Test
  void linuxDebiansChromiumAndItsDriverOnPath() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/usr/bin/chromium");
    install("/usr/bin/chromedriver");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.capabilities())
        .containsEntry("platformName", "linux")
        .containsEntry("appium:executable", "/usr/bin/chromedriver")
        .containsEntry("appium:autodownloadEnabled", false)
        .containsEntry("goog:chromeOptions", Map.of("binary", "/usr/bin/chromium"));
  }

  @Test
  void linuxChromiumIsPreferredToChromeAndPathToTheUsualPlaces() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/usr/local/bin/google-chrome");
    install("/usr/bin/chromium-browser");
    install("/snap/bin/chromium");
    install("/usr/lib/chromium/chromedriver");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.browser()).hasToString("/usr/bin/chromium-browser");
    assertThat(found.chromedriver())
        .hasValueSatisfying(p -> assertThat(p).hasToString("/usr/lib/chromium/chromedriver"));
  }

  @Test
  void linuxChromeOffPathWithoutADriverLeavesTheDriverToAppiumsDownload() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/opt/google/chrome/chrome");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.browser()).hasToString("/opt/google/chrome/chrome");
    assertThat(found.capabilities())
        .doesNotContainKey("appium:executable")
        .containsEntry("appium:autodownloadEnabled", true);
    assertThat(found.describe()).contains("downloads the one matching the browser");
  }

  @Test
  void configuredPathsWinOverWhatIsOnPath() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/usr/bin/chromium");
    install("/usr/bin/chromedriver");
    install("/home/qa/chrome-linux64/chrome");
    install("/home/qa/chromedriver-linux64/chromedriver");

    var found =
        lookup.find(
            LocalStackConfig.browser(
                "/home/qa/chrome-linux64/chrome", "/home/qa/chromedriver-linux64/chromedriver"));

    assertThat(found.browser()).hasToString("/home/qa/chrome-linux64/chrome");
    assertThat(found.chromedriver())
        .hasValueSatisfying(
            p -> assertThat(p).hasToString("/home/qa/chromedriver-linux64/chromedriver"));
  }

  @Test
  void aConfiguredBareNameIsLookedUpOnPath() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/usr/bin/chromium");
    install("/usr/local/bin/google-chrome-beta");

    assertThat(lookup.find(LocalStackConfig.browser("google-chrome-beta", "")).browser())
        .hasToString("/usr/local/bin/google-chrome-beta");
  }

  @Test
  void aConfiguredPathThatIsNoFileNamesTheKeyAndVariable() throws IOException {
    BrowserLookup lookup = onLinux();
    install("/usr/bin/chromium");

    var e =
        catchThrowableOfType(
            LocalStackException.class,
            () -> lookup.find(LocalStackConfig.browser("", "/opt/chromedriver")));

    assertThat(e.getMessage())
        .contains("local.chromedriver is '/opt/chromedriver'")
        .contains("AUTHFLOW_LOCAL_CHROMEDRIVER")
        .doesNotContain("\n");
  }

  @Test
  void linuxWithNothingInstalledSaysWhatWasLookedForAndHowToSetIt() {
    BrowserLookup lookup = onLinux();

    var e = catchThrowableOfType(LocalStackException.class, () -> lookup.find(NOTHING_CONFIGURED));

    assertThat(e.getMessage())
        .startsWith("No Chromium or Google Chrome found")
        .contains("chromium, chromium-browser, google-chrome, google-chrome-stable on PATH")
        .contains("/snap/bin/chromium")
        .contains("sudo apt-get install chromium chromium-driver")
        .contains("AUTHFLOW_LOCAL_BROWSER")
        .doesNotContain("\n");
  }

  @Test
  void macOsGoogleChromeInApplicationsAndHomebrewsChromedriver() throws IOException {
    BrowserLookup lookup = onMacOs();
    install("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    install("/opt/homebrew/bin/chromedriver");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.capabilities())
        .containsEntry("platformName", "mac")
        .containsEntry("appium:executable", "/opt/homebrew/bin/chromedriver")
        .containsEntry(
            "goog:chromeOptions",
            Map.of("binary", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
  }

  @Test
  void macOsChromiumInTheUsersOwnApplicationsFolderWithoutADriver() throws IOException {
    BrowserLookup lookup = onMacOs();
    install("/Users/qa/Applications/Chromium.app/Contents/MacOS/Chromium");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.browser())
        .hasToString("/Users/qa/Applications/Chromium.app/Contents/MacOS/Chromium");
    assertThat(found.chromedriver()).isEmpty();
    assertThat(found.capabilities()).containsEntry("appium:autodownloadEnabled", true);
  }

  @Test
  void macOsWithNothingInstalledNamesTheApplicationsAndBrew() {
    BrowserLookup lookup = onMacOs();

    var e = catchThrowableOfType(LocalStackException.class, () -> lookup.find(NOTHING_CONFIGURED));

    assertThat(e.getMessage())
        .contains("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
        .contains("brew install --cask google-chrome")
        .contains("AUTHFLOW_LOCAL_BROWSER");
  }

  @Test
  void windowsChromeInProgramFilesAndChocolateysChromedriver() throws IOException {
    BrowserLookup lookup = onWindows();
    install("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    install("C:\\ProgramData\\chocolatey\\bin\\chromedriver.exe");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.capabilities())
        .containsEntry("platformName", "windows")
        .containsEntry("appium:executable", "C:\\ProgramData\\chocolatey\\bin\\chromedriver.exe")
        .containsEntry(
            "goog:chromeOptions",
            Map.of("binary", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"));
  }

  @Test
  void windowsPerUserChromeAndAChromedriverOnPath() throws IOException {
    BrowserLookup lookup = onWindows();
    install("C:\\Users\\qa\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
    install("C:\\tools\\chromedriver.exe");

    var found = lookup.find(NOTHING_CONFIGURED);

    assertThat(found.browser())
        .hasToString("C:\\Users\\qa\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
    assertThat(found.chromedriver())
        .hasValueSatisfying(p -> assertThat(p).hasToString("C:\\tools\\chromedriver.exe"));
  }

  @Test
  void windowsWithNothingInstalledNamesProgramFilesAndWinget() {
    BrowserLookup lookup = onWindows();

    var e = catchThrowableOfType(LocalStackException.class, () -> lookup.find(NOTHING_CONFIGURED));

    assertThat(e.getMessage())
        .contains("chrome.exe on PATH")
        .contains("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe")
        .contains("winget install Google.Chrome");
  }

  @Test
  void theConfiguredPathsComeFromTheVariableAndTheProperty() {
    var config =
        new ConfigLoader(
                Path.of("config"),
                Map.of("authflow.local.chromedriver", "/opt/cft/chromedriver"),
                Map.of("AUTHFLOW_LOCAL_BROWSER", "/opt/cft/chrome"))
            .load("local");

    assertThat(config.localStack().browser()).isEqualTo("/opt/cft/chrome");
    assertThat(config.localStack().chromedriver()).isEqualTo("/opt/cft/chromedriver");
  }
}
