package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.Ui;
import io.authflow.e2e.userpool.CognitoUserPool;
import io.authflow.e2e.userpool.PoolGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The local stack's default, one kept session per worker, on the reference app with the real
 * Cognito stand-in, Appium and Chromium: a scenario whose user signed in leaves nothing of that
 * user to the next scenario on the same session (Amplify's tokens and keys, session storage,
 * cookies, IndexedDB, the page and its history); a scenario's second session is handed on too, a
 * failed scenario's session is quit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptSessionIsolationTest {
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What a signed-in user's app may leave besides Amplify's tokens, in every kind of storage. */
  private static final String LEAVE_TRACES =
      """
      const done = arguments[arguments.length - 1];
      sessionStorage.setItem('authflow.trace', 'previous user');
      document.cookie = 'authflow_trace=previous-user; path=/';
      const open = indexedDB.open('authflow-trace', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('user').put('previous', 'email');
      open.onsuccess = () => done(null);
      open.onerror = () => done(String(open.error));
      """;

  /** Everything the app's origin holds, and the page's history. */
  private static final String TRACES =
      """
      const done = arguments[arguments.length - 1];
      indexedDB.databases().then((dbs) => done({
        local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
        session: Object.keys(sessionStorage),
        cookie: document.cookie,
        databases: dbs.map((db) => db.name),
        history: history.length,
      }));
      """;

  private Path root;
  private LocalStack stack;
  private HarnessConfig config;
  private CognitoUserPool pool;
  // The run's: one set of kept sessions for every scenario here, as in a run.
  private final RunDevices devices = new RunDevices();
  private StackWatch watch;

  @BeforeAll
  void startTheLocalStack() throws IOException {
    root = ProjectCopies.linked("authflow-kept-session-");
    stack = new LocalStack(root);
    HarnessConfig asked =
        new ConfigLoader(root.resolve("config"), Map.of(), Map.of()).load("local");
    config = asked.completedBy(stack.start(asked));
    watch = StackWatch.of(stack);
    var users = config.users();
    pool =
        new CognitoUserPool(
            config.userPool(),
            new PoolGuard(config.userPool().id(), true, users.emailPrefix(), users.emailDomain()),
            config.timeouts().api());
  }

  @AfterAll
  void stopTheLocalStack() throws IOException {
    devices.closeAll();
    if (pool != null) {
      pool.close();
    }
    if (stack != null) {
      stack.close();
    }
    ProjectCopies.delete(root);
  }

  @Test
  void nothingOfTheLastScenariosSignedInUserReachesTheNextScenarioOnTheKeptSession() {
    assertThat(config.target().sessionPerWorker()).as("the local stack's default").isTrue();
    String email = "authflow-kept-1@authflow.test";
    pool.createConfirmed(email, PASSWORD, Map.of());
    AppSession first = new AppSession(config, devices, watch);
    first.launch();
    new SignInScreen(ui(first)).signIn(email, PASSWORD);
    new DashboardScreen(ui(first)).awaitShown();
    RemoteWebDriver driver = first.driver();
    driver.executeAsyncScript(LEAVE_TRACES);
    Map<String, Object> left = traces(driver);
    // The checks below can fail: this is what the signed-in user left.
    assertThat(amplifyKeys(left)).isNotEmpty();
    assertThat(left.get("session").toString()).contains("authflow.trace");
    assertThat(left.get("cookie").toString()).contains("authflow_trace");
    assertThat(left.get("databases").toString()).contains("authflow-trace");
    String session = driver.getSessionId().toString();
    first.end(false);

    AppSession next = new AppSession(config, devices, watch);
    RemoteWebDriver same = next.driver();
    assertThat(same.getSessionId()).as("the kept session").hasToString(session);
    assertThat(same.getWindowHandles()).as("one tab, as in a new session").hasSize(1);
    assertThat(same.getCurrentUrl()).isEqualTo("about:blank");
    next.launch();
    assertThat(ui(next).awaitSettledScreen()).as("the app opens signed out").isEqualTo("signIn");
    Map<String, Object> found = traces(same);
    assertThat(amplifyKeys(found)).as("Amplify's keys of the last user").isEmpty();
    assertThat(found.get("local").toString()).doesNotContain(email);
    assertThat((List<?>) found.get("session")).isEmpty();
    assertThat(found.get("cookie").toString()).isEmpty();
    assertThat(found.get("databases").toString()).doesNotContain("authflow-trace");
    // The page's history holds a blank page and the app, as a new session's would.
    assertThat(((Number) found.get("history")).intValue()).isLessThanOrEqualTo(2);
    same.navigate().back();
    assertThat(same.getCurrentUrl())
        .as("Back leaves the app, to no page of the last user")
        .isEqualTo("about:blank");
    next.end(false);
    pool.delete(email);
  }

  @Test
  void aScenarioThatEndsWithTheAppClosedLeavesNoSignedInUserToTheNext() {
    String email = "authflow-kept-2@authflow.test";
    pool.createConfirmed(email, PASSWORD, Map.of());
    AppSession first = new AppSession(config, devices, watch);
    first.launch();
    new SignInScreen(ui(first)).signIn(email, PASSWORD);
    new DashboardScreen(ui(first)).awaitShown();
    // As "they close the app" does: the page goes, what the app stored stays.
    first.close();
    assertThat(first.driver().getCurrentUrl()).isEqualTo("about:blank");
    first.end(false);

    AppSession next = new AppSession(config, devices, watch);
    next.launch();
    assertThat(ui(next).awaitSettledScreen()).as("the app opens signed out").isEqualTo("signIn");
    Map<String, Object> found = traces(next.driver());
    assertThat(amplifyKeys(found)).as("Amplify's keys of the last user").isEmpty();
    assertThat(found.get("local").toString()).doesNotContain(email);
    next.end(false);
    pool.delete(email);
  }

  @Test
  void aScenariosSecondSessionIsHandedOnAndAFailedScenariosSessionIsQuit() throws Exception {
    AppSession main = new AppSession(config, devices, watch);
    main.launch();
    String kept = main.driver().getSessionId().toString();
    // Another device of the same user, in the same scenario: a session of its own.
    AppSession other = new AppSession(config, devices, watch);
    other.launch();
    String second = other.driver().getSessionId().toString();
    assertThat(second).isNotEqualTo(kept);

    other.end(false);
    assertThat(answerOf(second)).as("the second session, after its scenario's end").isEqualTo(200);
    main.end(true);
    assertThat(answerOf(kept)).as("the failed scenario's session").isEqualTo(404);

    AppSession after = new AppSession(config, devices, watch);
    assertThat(after.driver().getSessionId())
        .as("the second session, handed on")
        .hasToString(second);
    AppSession afterOther = new AppSession(config, devices, watch);
    String fresh = afterOther.driver().getSessionId().toString();
    assertThat(fresh).as("a new one: none is idle").isNotIn(kept, second);
    afterOther.end(false);
    after.end(false);
    assertThat(answerOf(fresh)).as("kept for the next scenario").isEqualTo(200);
    assertThat(answerOf(second)).as("kept for the next scenario").isEqualTo(200);
  }

  private Ui ui(AppSession app) {
    return new Ui(app, AppProfile.of(config), config);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> traces(RemoteWebDriver driver) {
    return (Map<String, Object>) driver.executeAsyncScript(TRACES);
  }

  /** Amplify JS keeps a user's tokens under CognitoIdentityServiceProvider.<client id>.… keys. */
  private static List<String> amplifyKeys(Map<String, Object> traces) {
    return ((Map<?, ?>) traces.get("local"))
        .keySet().stream()
            .map(String::valueOf)
            .filter(key -> key.startsWith("CognitoIdentityServiceProvider."))
            .toList();
  }

  /** Appium's own answer for the session: 200 while it runs, 404 once it ended. */
  private int answerOf(String session) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        config.target().appium().replaceAll("/$", "")
                            + "/session/"
                            + session
                            + "/url"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
