package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.screens.LogicalName.Need;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The names a profile is checked against are the ones the screen classes declare, and a screen can
 * ask for no other: a name made anywhere but in a screen's static final field would escape the
 * check, so this test fails on one.
 */
class ScreenNamesTest {
  private static final Path MAIN = Path.of("src/main/java");
  // A LogicalName being made: its factories or its constructor.
  private static final Pattern MADE =
      Pattern.compile("(LogicalName\\.(of|screen|ifMapped|whenTagged)|new LogicalName)\\(");
  private static final Pattern DECLARED =
      Pattern.compile("^\\s*(private |public )?static final LogicalName \\w+ =");

  @Test
  void theScreensNamesAreReadFromTheScreenClasses() {
    var declared = ScreenNames.declared();

    assertThat(declared)
        .contains(
            LogicalName.of("signIn.submit"),
            LogicalName.screen("dashboard"),
            LogicalName.of("auth.error"),
            LogicalName.ifMapped("signUp.confirmPassword"),
            LogicalName.whenTagged("@otp-sms", "signUp.phone"));
    assertThat(declared).extracting(LogicalName::name).doesNotHaveDuplicates();
    assertThat(declared)
        .filteredOn(n -> n.need() == Need.ALWAYS)
        .extracting(LogicalName::screenName)
        .contains("signIn", "signUp", "confirmSignUp", "forgotPassword", "resetPassword");
  }

  @Test
  void everyNameIsMadeInAStaticFinalFieldOfTheScreensPackage() throws IOException {
    List<String> elsewhere = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.endsWith("LogicalName.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher made = MADE.matcher(lines.get(i));
          boolean inScreens = file.startsWith(MAIN.resolve("io/authflow/e2e/screens"));
          // google-java-format may break a long declaration after '=': look one line up too.
          boolean declared =
              DECLARED.matcher(lines.get(i)).find()
                  || (i > 0 && DECLARED.matcher(lines.get(i - 1)).find());
          if (made.find() && !(inScreens && declared)) {
            elsewhere.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(elsewhere)
        .as("names made outside a screen's static final LogicalName field escape the profile check")
        .isEmpty();
  }

  @Test
  void noScreenAsksUiForANameAsPlainText() throws IOException {
    // Ui takes LogicalName; this guards against a String overload creeping back in.
    try (Stream<Path> files = Files.list(MAIN.resolve("io/authflow/e2e/screens"))) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file))
            .as(file.toString())
            .doesNotContainPattern("ui\\.\\w+\\(\"");
      }
    }
  }
}
