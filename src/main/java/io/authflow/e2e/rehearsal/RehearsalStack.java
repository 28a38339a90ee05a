package io.authflow.e2e.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.inbox.MailosaurInbox;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack on its own, standing in for a cloud environment (mvn -Plocal-stack): the Cognito
 * stand-in, the SMTP inbox behind a stand-in of Mailosaur's API, the reference app, Appium, and a
 * Selenium Grid whose node relays to that Appium. It writes what a cloud run is given —
 * target/rehearsal/amplify_outputs.json for the pool, and target/rehearsal/rehearsal.env with the
 * variables a CI job would set — and runs until it is stopped (Ctrl-C, SIGTERM).
 */
public final class RehearsalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RehearsalStack.class);
  static final String ENV_FILE = "rehearsal.env";
  static final String OUTPUTS_FILE = "amplify_outputs.json";
  static final String RERUN_ARGS_FILE = "rerun.args";
  static final String WARM_JVM_FILE = "warm-jvm";
  // The options of a rerun, in its own JVM or the warm one: those of mvn verify -Pwarm. A rerun
  // keeps its app session as a local run does (reset in place), so the warm JVM's next rerun goes
  // on in it.
  static final List<String> RERUN_OPTIONS =
      List.of("-Denv=rehearsal", "-Ddoctor.skip=true", "-Dauthflow.target.sessionPerWorker=true");
  // The inbox's phone number: Mailosaur gives a server one or more; the stand-in receives any.
  static final String PHONE = "+15555550123";
  // Parallel workers of the Grid run: one Grid slot each.
  static final int GRID_SLOTS = 2;
  // What is left of the stack after this long on Ctrl-C is killed: a kept-running stack must be
  // gone within 5 s of it, processes and all.
  static final Duration STOP_WITHIN = Duration.ofSeconds(3);

  private final Path root;
  private final Path dir;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  RehearsalStack(Path root) {
    this.root = root;
    this.dir = root.resolve("target/rehearsal");
  }

  public static void main(String[] args) throws InterruptedException {
    RehearsalStack stack = new RehearsalStack(Path.of("").toAbsolutePath());
    // Signals stop it within STOP_WITHIN (a second Ctrl-C at once); the hook covers other exits.
    StopOnSignal.install(stack::close, STOP_WITHIN);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "rehearsal-stack-stop"));
    Map<String, String> variables = stack.start();
    System.out.println("Rehearsal stack ready. For a run against it:");
    System.out.println("  set -a; . " + stack.dir.resolve(ENV_FILE) + "; set +a");
    System.out.println("  mvn verify -Denv=rehearsal");
    System.out.println("Or one journey, without Maven, the variables loaded as above:");
    System.out.println("  java @" + stack.dir.resolve(RERUN_ARGS_FILE) + " \"<scenario name>\"");
    System.out.println(
        "  AUTHFLOW_TARGET_PLATFORM=browser AUTHFLOW_TARGET_APPIUM=$REHEARSAL_GRID_URL mvn verify"
            + " -Denv=grid");
    System.out.println("Grid: " + variables.get("REHEARSAL_GRID_URL") + "  (Ctrl-C stops)");
    new CountDownLatch(1).await();
  }

  /** Starts every part and writes the files a run reads; returns the variables it wrote. */
  Map<String, String> start() {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(ENV_FILE));
      Path logDir = dir.resolve("logs");
      // The embedded profile's settings (timeouts, password policy), not the variables meant for
      // the runs against this stack.
      HarnessConfig local =
          new ConfigLoader(root.resolve("config"), Map.of(), Map.of()).load("local");
      LocalStack stack = new LocalStack(root, logDir);
      push(stack);
      HarnessConfig config = RunContext.start(local, stack).config();
      MailosaurStandIn mailosaur =
          new MailosaurStandIn(stack.greenMail(), serverId(), UUID.randomUUID().toString(), logDir);
      mailosaur.start();
      push(mailosaur);
      SeleniumGrid grid =
          new SeleniumGrid(
              config.target().appium(), GRID_SLOTS, dir, config.timeouts().localStack(), logDir);
      push(grid);
      grid.start();
      Path outputs = writeAmplifyOutputs(config);
      Map<String, String> variables = new LinkedHashMap<>();
      variables.put("AUTHFLOW_APP_URL", config.app().url());
      variables.put("AUTHFLOW_TARGET_APPIUM", config.target().appium());
      // The app calls Cognito's regional hosts; these map them to the stand-in's TLS front and
      // trust its certificate, in the stack's Chromium whichever client asks for the session.
      variables.put(
          "AUTHFLOW_TARGET_BROWSERARGS",
          new ObjectMapper().writeValueAsString(config.target().browserArgs()));
      variables.put("AUTHFLOW_USERPOOL_AMPLIFYOUTPUTS", outputs.toString());
      // amplify_outputs.json has no endpoint: a real pool's is the region's.
      variables.put("AUTHFLOW_USERPOOL_ENDPOINT", config.userPool().endpoint());
      variables.put("AUTHFLOW_USERPOOL_DISPOSABLE", "true");
      variables.put("AUTHFLOW_INBOX_SERVERID", mailosaur.serverId());
      variables.put("AUTHFLOW_INBOX_APIURL", mailosaur.url());
      variables.put("AUTHFLOW_USERS_EMAILDOMAIN", MailosaurInbox.domainOf(mailosaur.serverId()));
      variables.put("AUTHFLOW_USERS_MOBILE", PHONE);
      variables.put(MailosaurInbox.API_KEY_VARIABLE, mailosaur.apiKey());
      variables.put("REHEARSAL_GRID_URL", grid.url());
      // The reruns' settings: a rerun with other values runs in its own JVM (WarmJvm).
      Map<String, String> rerunEnvironment = new LinkedHashMap<>(variables);
      rerunEnvironment.put("AUTHFLOW_ENV", "rehearsal");
      WarmJvmPart warm =
          new WarmJvmPart(
              root,
              dir.resolve(WARM_JVM_FILE),
              RERUN_OPTIONS,
              rerunEnvironment,
              config.timeouts().localStack(),
              logDir);
      push(warm);
      warm.start();
      writeRerunArgs();
      writeEnvFile(variables);
      LOG.info("Rehearsal stack ready; variables in {}", dir.resolve(ENV_FILE));
      return variables;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Cannot write the rehearsal files under " + dir, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void push(AutoCloseable part) {
    synchronized (started) {
      started.push(part);
    }
  }

  /** A Mailosaur-shaped server id: 8 lower-case letters and digits. */
  private static String serverId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /**
   * The pool as Amplify Gen 2 writes it (schema version 1.4, auth section): region, pool, the app's
   * client and the password policy, email sign-in.
   */
  private Path writeAmplifyOutputs(HarnessConfig config) throws IOException {
    var pool = config.userPool();
    var policy = pool.passwordPolicy();
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.4");
    ObjectNode auth = root.putObject("auth");
    auth.put("aws_region", pool.region());
    auth.put("user_pool_id", pool.id());
    auth.put("user_pool_client_id", pool.clientId());
    ObjectNode passwordPolicy = auth.putObject("password_policy");
    passwordPolicy.put("min_length", policy.minLength());
    passwordPolicy.put("require_lowercase", policy.requireLowercase());
    passwordPolicy.put("require_numbers", policy.requireNumbers());
    passwordPolicy.put("require_symbols", policy.requireSymbols());
    passwordPolicy.put("require_uppercase", policy.requireUppercase());
    auth.putArray("standard_required_attributes").add("email");
    auth.putArray("username_attributes").add("email");
    auth.putArray("user_verification_types").add("email");
    auth.put("unauthenticated_identities_enabled", false);
    auth.put("mfa_configuration", "NONE");
    auth.putArray("mfa_methods");
    auth.putArray("groups");
    Path file = dir.resolve(OUTPUTS_FILE);
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  /**
   * The java command line of a rerun against this stack without Maven (io.authflow.e2e.WarmRerun,
   * docs/report.md): this JVM's class path is the project's test class path, as mvn -Plocal-stack
   * built it; the options are those of mvn verify -Pwarm, and the warm JVM's file, where the rerun
   * runs when the warm JVM answers.
   */
  private void writeRerunArgs() throws IOException {
    List<String> lines = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    lines.addAll(RERUN_OPTIONS);
    lines.add(quoted("-Drerun.warmJvm=" + dir.resolve(WARM_JVM_FILE)));
    lines.addAll(
        List.of(
            "-cp", quoted(System.getProperty("java.class.path")), "io.authflow.e2e.WarmRerun", ""));
    String text = String.join("\n", lines);
    Path temp = Files.writeString(dir.resolve(RERUN_ARGS_FILE + ".tmp"), text);
    Files.move(temp, dir.resolve(RERUN_ARGS_FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** An argument file's quotes keep spaces; a backslash inside them escapes the next character. */
  private static String quoted(String argument) {
    return "\"" + argument.replace("\\", "\\\\") + "\"";
  }

  /** Written last and whole (a rename), so a file that exists means a stack that is ready. */
  private void writeEnvFile(Map<String, String> variables) throws IOException {
    StringBuilder text =
        new StringBuilder(
            "# Written by the rehearsal stack (mvn -Plocal-stack) while it runs: what a CI job of"
                + " the nightly sets.\n");
    variables.forEach((name, value) -> text.append(name).append("='").append(value).append("'\n"));
    Path temp = Files.writeString(dir.resolve(ENV_FILE + ".tmp"), text);
    Files.move(temp, dir.resolve(ENV_FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(dir.resolve(ENV_FILE));
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir.resolve(ENV_FILE), e.getMessage());
    }
    List<AutoCloseable> parts;
    synchronized (started) {
      parts = new ArrayList<>(started);
      started.clear();
    }
    // All parts at once: none needs another to stop (the Grid's node only relays to Appium), and
    // one after another took 12-15 s.
    List<Thread> stops = new ArrayList<>();
    for (AutoCloseable part : parts) {
      Thread stop =
          new Thread(
              () -> {
                try {
                  part.close();
                } catch (Exception e) {
                  LOG.warn("Rehearsal stack: stopping a part failed: {}", e.getMessage());
                }
              },
              "rehearsal-stop-" + part.getClass().getSimpleName());
      stop.start();
      stops.add(stop);
    }
    for (Thread stop : stops) {
      try {
        stop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
