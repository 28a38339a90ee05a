package io.authflow.e2e.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.InboxConfig.InboxType;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.config.Timeouts;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.device.SessionOptions;
import io.authflow.e2e.local.LocalStackException;
import io.authflow.e2e.parts.DaemonThreads;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.RunEnvironment;
import io.authflow.e2e.run.RunContext;
import io.authflow.e2e.screens.Looks;
import io.authflow.e2e.screens.ScreenMap;
import io.authflow.e2e.userpool.CognitoUserPool;
import io.authflow.e2e.userpool.EmailSending;
import io.authflow.e2e.userpool.PoolGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The checks that tell in seconds whether an environment can run the suite: secrets present, Appium
 * reachable, the user pool reachable with the admin calls the suite makes, the inbox reachable, and
 * the app's first screen showing the testIDs the screen map expects. Each failed check says what
 * was seen and how to fix it; no check changes anything.
 */
public final class Preflight {
  private static final String STACK_STARTED = "Local stack started";
  static final String MAILOSAUR_API = "https://mailosaur.com/";

  private final Map<String, String> environment;
  private final String mailosaurApi;
  private final RunEnvironment facts;
  // timeouts.api of the config being checked, set by check().
  private Duration timeout;
  private HttpClient http;

  /**
   * @param environment where secrets are read from (the process environment in a run)
   * @param mailosaurApi the Mailosaur API's base URL (tests give a stand-in's)
   * @param facts receives what the checks learn about the run (the Appium version)
   */
  public Preflight(Map<String, String> environment, String mailosaurApi, RunEnvironment facts) {
    this.environment = environment;
    this.mailosaurApi = mailosaurApi;
    this.facts = facts;
  }

  public Preflight(RunEnvironment facts) {
    this(System.getenv(), MAILOSAUR_API, facts);
  }

  /**
   * Runs every check on a valid config; {@code before} are lines already decided (config). {@code
   * watch} is the run's on its stack: a part that dies under the app's first screen is named. The
   * app's session is one of the run's {@code devices}: where sessions are kept, the first scenario
   * goes on in it rather than starting Chromium again.
   */
  public Checklist check(
      HarnessConfig config, StackWatch watch, RunDevices devices, List<CheckResult> before) {
    Instant start = Instant.now();
    use(config);
    List<CheckResult> results = new ArrayList<>(before);
    results.addAll(secrets(config));
    CheckResult appium = appium(config);
    results.add(appium);
    // The app's first screen (an Appium session, the app's first load) takes longest by far; the
    // other checks ask other servers, so they run meanwhile. Its line stays the last.
    CompletableFuture<CheckResult> firstScreen =
        appium.passed()
            ? CompletableFuture.supplyAsync(
                () -> firstScreen(config, watch, devices),
                DaemonThreads.ownThread("authflow-preflight-first-screen"))
            : CompletableFuture.completedFuture(
                CheckResult.fail(
                    "App's first screen",
                    "not checked: Appium is not reachable",
                    "see the Appium line."));
    sessionIdleLimit(config).ifPresent(results::add);
    results.add(pool(config));
    emailQuota(config).ifPresent(results::add);
    appBuiltForPool(config).ifPresent(results::add);
    results.add(inbox(config));
    try {
      results.add(firstScreen.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return new Checklist(config.env(), results, Duration.between(start, Instant.now()));
  }

  /**
   * The checks of a run whose stack, if it has one, started ({@code run}: its config is what it
   * found, its watch on the stack): the stack's line, then {@link #check}'s.
   */
  public Checklist checkStarted(RunContext run, List<CheckResult> before) {
    List<CheckResult> started = new ArrayList<>(before);
    if (run.config().embeddedStack()) {
      started.add(CheckResult.pass(STACK_STARTED, "logs in reports/local-stack/"));
    }
    return check(run.config(), run.watch(), run.devices(), started);
  }

  /** The local stack's line when it could not start: nothing else is checked. */
  public static CheckResult stackFailed(LocalStackException e) {
    return CheckResult.fail(
        STACK_STARTED,
        firstLine(e.getMessage()),
        "see the log named below the message; 'mvn test' installs what it needs.");
  }

  /** The HTTP client of the checks, bounded by timeouts.api of the config being checked. */
  private void use(HarnessConfig config) {
    timeout = config.timeouts().api();
    http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The secrets the config cannot see: AWS credentials for a real pool. MAILOSAUR_API_KEY and the
   * farm's variables are refused by the config loader already, each on its own line.
   */
  List<CheckResult> secrets(HarnessConfig config) {
    List<CheckResult> results = new ArrayList<>();
    var pool = config.userPool();
    if (!pool.hasEndpointOverride()) {
      String source =
          pool.awsProfile().isEmpty() ? "the default chain" : "profile " + pool.awsProfile();
      try {
        (pool.awsProfile().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(pool.awsProfile()))
            .resolveCredentials();
        results.add(CheckResult.pass("AWS credentials", "found through " + source));
      } catch (SdkException e) {
        results.add(
            CheckResult.fail(
                "AWS credentials",
                "none found through " + source,
                "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or set"
                    + " userPool.awsProfile to a profile of ~/.aws/config."));
      }
    }
    return results;
  }

  CheckResult appium(HarnessConfig config) {
    String name = "Appium reachable";
    use(config);
    URI server = URI.create(config.target().appium());
    String shown = RunEnvironment.maskUrl(server.toString());
    String fix =
        config.embeddedStack()
            ? "the local stack's Appium did not answer; see reports/local-stack/appium.log."
            : "start the Appium server (appium --port "
                + Math.max(server.getPort(), 4723)
                + "), or correct target.appium in "
                + config.file()
                + ".";
    try {
      HttpResponse<String> response =
          http.send(
              get(server, "status", server.getUserInfo()), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return CheckResult.fail(
            name, shown + "/status answered HTTP " + response.statusCode(), fix);
      }
      JsonNode value = new ObjectMapper().readTree(response.body()).path("value");
      String version = value.path("build").path("version").asText("");
      if (!version.isEmpty()) {
        facts.appiumVersion(version);
      }
      return value.path("ready").asBoolean(true)
          ? CheckResult.pass(
              name, shown + " is ready" + (version.isEmpty() ? "" : ", Appium " + version))
          : CheckResult.fail(name, shown + " is not ready: " + value.path("message").asText(), fix);
    } catch (IOException e) {
      return CheckResult.fail(name, shown + " did not answer (" + describe(e) + ")", fix);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.fail(name, "interrupted", fix);
    }
  }

  /**
   * A warning when a configured wait is not shorter than the newCommandTimeout the sessions get
   * (the harness sets it above the longest wait; a profile can set its own in target.capabilities):
   * Appium would end a session while a step waits without sending it a command.
   */
  Optional<CheckResult> sessionIdleLimit(HarnessConfig config) {
    var target = config.target();
    var timeouts = config.timeouts();
    var capabilities =
        SessionOptions.forTarget(target, timeouts, config.env(), target.app(), Optional.empty());
    Duration wait = SessionOptions.longestWait(timeouts);
    String waitKey = wait.equals(timeouts.code()) ? "timeouts.code" : "timeouts.screen";
    return SessionOptions.newCommandTimeout(capabilities, target.farm())
        .filter(limit -> limit.compareTo(wait) <= 0)
        .map(
            limit ->
                CheckResult.warn(
                    "Session idle limit",
                    "newCommandTimeout is "
                        + limit.toSeconds()
                        + " s (target.capabilities in "
                        + config.file()
                        + "), but "
                        + waitKey
                        + " lets a step wait "
                        + wait.toSeconds()
                        + " s without a command: Appium would end the session meanwhile",
                    "remove newCommandTimeout from target.capabilities (the harness sets it to the"
                        + " longest wait plus "
                        + SessionOptions.IDLE_MARGIN.toSeconds()
                        + " s), or set it above "
                        + wait.toSeconds()
                        + " s."));
  }

  CheckResult pool(HarnessConfig config) {
    String name = "User pool admin access";
    var pool = config.userPool();
    var users = config.users();
    if (!pool.disposable()) {
      return CheckResult.fail(
          name,
          "pool "
              + RunEnvironment.maskPoolId(pool.id())
              + " is not marked disposable, so the suite may not create or delete its test users",
          "set userPool.disposable: true in "
              + config.file()
              + " if the pool holds test users only.");
    }
    String probe = users.emailPrefix() + "-doctor-probe@" + users.emailDomain();
    try (var cognito =
        new CognitoUserPool(
            pool,
            new PoolGuard(pool.id(), pool.disposable(), users.emailPrefix(), users.emailDomain()),
            config.timeouts().api())) {
      cognito.probeAdminAccess(probe);
      return CheckResult.pass(
          name,
          "pool "
              + pool.id()
              + " answers ListUsers, DescribeUserPoolClient, AdminGetUser and AdminDeleteUser");
    } catch (RuntimeException e) {
      return CheckResult.fail(
          name,
          firstLine(e.getMessage()),
          "check userPool.id and userPool.region in "
              + config.file()
              + ", and that the AWS credentials allow cognito-idp admin calls on it.");
    }
  }

  /**
   * A real pool that sends with Cognito's default email account may send 50 emails a day per AWS
   * account and region: a nightly, its reruns and a few manual runs spend that, and then every code
   * is refused. Warns with this run's share. Empty with an endpoint override (the local stack, a
   * rehearsal): a stand-in's quota is no real one.
   */
  Optional<CheckResult> emailQuota(HarnessConfig config) {
    if (config.userPool().hasEndpointOverride()) {
      return Optional.empty();
    }
    String share;
    try {
      share = EmailCodeEstimate.forThisRun().describe();
    } catch (RuntimeException e) {
      share = "this run's share could not be estimated (" + firstLine(e.getMessage()) + ")";
    }
    return Optional.of(emailQuota(config, share));
  }

  /** The pool's email sender through DescribeUserPool; {@code share} is what this run sends. */
  CheckResult emailQuota(HarnessConfig config, String share) {
    String name = "Email sending quota";
    var pool = config.userPool();
    var users = config.users();
    EmailSending sending;
    try (var cognito =
        new CognitoUserPool(
            pool,
            new PoolGuard(pool.id(), pool.disposable(), users.emailPrefix(), users.emailDomain()),
            config.timeouts().api())) {
      sending = cognito.emailSending();
    } catch (RuntimeException e) {
      return CheckResult.warn(
          name,
          "the pool's email settings could not be read: " + firstLine(e.getMessage()),
          "allow cognito-idp:DescribeUserPool on the pool to the run's AWS credentials.");
    }
    if (!sending.cognitoDefault()) {
      return CheckResult.pass(
          name,
          "pool "
              + pool.id()
              + " sends with Amazon SES ("
              + sending.account()
              + (sending.sourceArn().isEmpty() ? "" : ", " + sending.sourceArn())
              + "): Cognito's daily email quota does not apply");
    }
    return CheckResult.warn(
        name,
        "pool "
            + pool.id()
            + " sends with Cognito's default email account ("
            + sending.account()
            + "), at most "
            + EmailSending.COGNITO_DAILY_LIMIT
            + " emails a day per AWS account and region, shared by every run and pool there; "
            + share
            + "; once the day's "
            + EmailSending.COGNITO_DAILY_LIMIT
            + " are spent, Cognito refuses every code (LimitExceededException)",
        EmailSending.SES_FIX);
  }

  CheckResult inbox(HarnessConfig config) {
    String name = "Inbox reachable";
    use(config);
    if (config.inbox().type() == InboxType.SMTP) {
      return CheckResult.pass(name, "the local stack's SMTP inbox runs in this JVM");
    }
    String key = environment.getOrDefault("MAILOSAUR_API_KEY", "");
    if (key.isBlank()) {
      return CheckResult.fail(
          name, "not checked: MAILOSAUR_API_KEY is not set", "export MAILOSAUR_API_KEY=<key>.");
    }
    String serverId = config.inbox().serverId();
    String base = config.inbox().apiUrl().isEmpty() ? mailosaurApi : config.inbox().apiUrl();
    URI api = URI.create(base.replaceAll("/+$", "") + "/");
    try {
      HttpResponse<String> response =
          http.send(
              get(api, "api/servers/" + serverId, key + ":"), HttpResponse.BodyHandlers.ofString());
      return switch (response.statusCode()) {
        case 200 -> CheckResult.pass(name, "Mailosaur server " + serverId + " answers");
        case 401, 403 ->
            CheckResult.fail(
                name,
                "Mailosaur refused the API key (HTTP " + response.statusCode() + ")",
                "export the current key as MAILOSAUR_API_KEY.");
        case 404 ->
            CheckResult.fail(
                name,
                "Mailosaur has no server '" + serverId + "'",
                "set inbox.serverId in " + config.file() + " to the id the dashboard shows.");
        default ->
            CheckResult.fail(
                name,
                "Mailosaur answered HTTP " + response.statusCode(),
                "retry later; see Mailosaur's status page.");
      };
    } catch (IOException e) {
      return CheckResult.fail(
          name,
          "Mailosaur at " + api + " did not answer (" + describe(e) + ")",
          "check the network and proxy settings.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.fail(name, "interrupted", "run the doctor again.");
    }
  }

  /** Opens the app and checks that its first screen has every testID the screen map gives it. */
  // A Cognito user pool id as amplify_outputs.json names it: <region>_<id>.
  private static final Pattern POOL_ID =
      Pattern.compile("\\b[a-z]{2}(?:-[a-z]+)+-\\d_[0-9A-Za-z]+\\b");

  private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
  // A script a script loads later (Metro's route chunks, Vite's dynamic imports): a quoted .js
  // path.
  private static final Pattern CHUNK =
      Pattern.compile("[\"'`]((?:\\.{0,2}/)?[\\w./-]+\\.js)[\"'`]");
  // Enough for any app's page and its chunks; a bound, not a crawl.
  private static final int MAX_SCRIPTS = 200;

  /**
   * The browser build calls the pool its amplify_outputs.json named when it was built; the pool
   * this run checks must be that one, or every sign-in fails far from the cause. Reads the scripts
   * the app's page loads (as served) for the pool id. Empty for phones.
   */
  Optional<CheckResult> appBuiltForPool(HarnessConfig config) {
    String name = "App built for this pool";
    use(config);
    String url = config.app().url();
    if (config.target().platform() != Platform.BROWSER || !url.startsWith("http")) {
      return Optional.empty();
    }
    String poolId = config.userPool().id();
    String code;
    try {
      code = scripts(URI.create(url));
    } catch (IOException e) {
      return Optional.of(
          CheckResult.fail(name, "the app's page at " + url + " could not be read: " + e, ""));
    }
    if (code.contains(poolId)) {
      return Optional.of(CheckResult.pass(name, "the app's scripts name pool " + poolId));
    }
    List<String> named = POOL_ID.matcher(code).results().map(m -> m.group()).distinct().toList();
    String detail =
        "the app at "
            + url
            + (named.isEmpty()
                ? " names no user pool id in its scripts"
                : " calls pool " + String.join(", ", named))
            + ", but this run's pool is "
            + poolId;
    String fix =
        config.embeddedStack()
            ? "give local.amplifyOutputs the amplify_outputs.json the build imported (the local"
                + " stack answers as the pool it names), or rebuild the app with the one given."
            : "point userPool (amplifyOutputs, id) at the pool the app was built for, or rebuild"
                + " the app with this pool's amplify_outputs.json.";
    // A real pool may be reached another way (a custom endpoint); the local stack cannot be.
    return Optional.of(
        config.embeddedStack()
            ? CheckResult.fail(name, detail, fix)
            : CheckResult.warn(name, detail, fix));
  }

  /**
   * The scripts the page at {@code page} loads, and those they load in turn (route chunks), from
   * the page's own server, as one text.
   */
  private String scripts(URI page) throws IOException {
    Set<URI> seen = new LinkedHashSet<>();
    Deque<URI> next = new ArrayDeque<>();
    SCRIPT.matcher(get(page)).results().forEach(m -> next.add(page.resolve(m.group(1))));
    StringBuilder code = new StringBuilder();
    while (!next.isEmpty() && seen.size() < MAX_SCRIPTS) {
      URI script = next.poll();
      if (!seen.add(script) || !script.getAuthority().equals(page.getAuthority())) {
        continue;
      }
      HttpResponse<String> answer = fetch(script);
      // A quoted name that is no script of this app (a library's string) gets no script back (a
      // server with a single-page fallback answers it with the page).
      if (answer.statusCode() != 200
          || !answer.headers().firstValue("content-type").orElse("").contains("javascript")) {
        continue;
      }
      String text = answer.body();
      code.append(text);
      CHUNK.matcher(text).results().forEach(m -> next.add(script.resolve(m.group(1))));
    }
    return code.toString();
  }

  private String get(URI uri) throws IOException {
    HttpResponse<String> response = fetch(uri);
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " for " + uri);
    }
    return response.body();
  }

  private HttpResponse<String> fetch(URI uri) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(uri).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + uri, e);
    }
  }

  CheckResult firstScreen(HarnessConfig config, StackWatch watch, RunDevices devices) {
    String name = "App's first screen";
    Path mapFile =
        config
            .file()
            .toAbsolutePath()
            .getParent()
            .resolve("apps")
            .resolve(config.app().name() + ".yaml");
    ScreenMap map;
    try {
      map = ScreenMap.load(mapFile);
    } catch (RuntimeException e) {
      return CheckResult.fail(name, firstLine(e.getMessage()), "fix " + mapFile + ".");
    }
    AppSession app = new AppSession(config, devices, watch);
    try {
      app.launch();
      // One look covers every screen, and one every testID: the first scenario waits for this.
      Looks looks = new Looks(app);
      List<String> screens = map.names().stream().filter(n -> n.endsWith(".screen")).toList();
      Optional<String> shown =
          awaitAnyScreen(app, looks, locators(map, screens, app), screens, config.timeouts());
      if (shown.isEmpty()) {
        return CheckResult.fail(
            name,
            "none of the screens the map knows ("
                + String.join(", ", screens)
                + ") showed within "
                + config.timeouts().screen().toSeconds()
                + "s",
            "make the app publish the testIDs of "
                + mapFile
                + ", or map its names to the app's testIDs there.");
      }
      String screen = shown.get().substring(0, shown.get().length() - ".screen".length());
      List<String> expected = map.names().stream().filter(n -> n.startsWith(screen + ".")).toList();
      List<Optional<WebElement>> found = looks.firstShown(locators(map, expected, app));
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        if (found.get(i).isEmpty()) {
          missing.add(map.describe(expected.get(i)));
        }
      }
      return missing.isEmpty()
          ? CheckResult.pass(
              name, screen + " shows all " + expected.size() + " testIDs of the screen map")
          : CheckResult.fail(
              name,
              screen + " lacks " + String.join(", ", missing),
              "add the testID to the app, or map the name to the testID the app has in "
                  + mapFile
                  + ".");
    } catch (WebDriverException | IllegalStateException e) {
      return CheckResult.fail(
          name,
          "no session: " + firstLine(e.getMessage()),
          "check that the Appium server has the driver for "
              + app.platform().name().toLowerCase()
              + " and that the target's capabilities are right.");
    } finally {
      app.dispose();
    }
  }

  private static Optional<String> awaitAnyScreen(
      AppSession app, Looks looks, List<By> locators, List<String> screens, Timeouts timeouts) {
    try {
      return Optional.of(
          new WebDriverWait(app.driver(), timeouts.screen(), timeouts.poll())
              .until(
                  (WebDriver driver) -> {
                    List<Optional<WebElement>> shown = looks.firstShown(locators);
                    for (int i = 0; i < screens.size(); i++) {
                      if (shown.get(i).isPresent()) {
                        return screens.get(i);
                      }
                    }
                    return null;
                  }));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  private static List<By> locators(ScreenMap map, List<String> names, AppSession app) {
    return names.stream().map(n -> map.locator(n, app.platform())).toList();
  }

  /** A GET of {@code path} below {@code base}; {@code userInfo} becomes Basic authentication. */
  private HttpRequest get(URI base, String path, String userInfo) {
    String root = RunEnvironment.maskUrl(base.toString()).replaceAll("/+$", "") + "/";
    var request = HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout).GET();
    if (userInfo != null && !userInfo.isEmpty()) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  static String firstLine(String text) {
    return text == null ? "no message" : text.strip().lines().findFirst().orElse(text);
  }
}
