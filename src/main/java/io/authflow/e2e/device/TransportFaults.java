package io.authflow.e2e.device;

import io.appium.java_client.AppiumClientConfig;
import io.appium.java_client.remote.AppiumCommandExecutor;
import io.authflow.e2e.parts.LocalPartStoppedException;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.RunEnvironment;
import io.authflow.e2e.report.RunInterruption;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.CommandInfo;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.UnreachableBrowserException;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * Every WebDriver command of a session, with the failures of the way to the device named as such: a
 * refused or reset connection, an answer cut short, no answer within timeouts.api (Appium or a Grid
 * gone), Appium's "Could not proxy command … socket hang up" (the driver behind it gone), a session
 * the server no longer has. Each becomes one line naming the part, thrown as Selenium's own type
 * for it (UnreachableBrowserException, NoSuchSessionException), which the report files under
 * Environment faults; a dead part of the local stack is named by the stack watch first. Without
 * this, such a failure surfaced as whatever the step was doing and read as an app defect.
 */
final class TransportFaults extends AppiumCommandExecutor {
  // Appium's words when the driver it proxies to (ChromeDriver, UiAutomator2, WDA) is gone.
  private static final Pattern PROXY_LOST =
      Pattern.compile(
          "(?is).*(Could not proxy command|socket hang up|ECONNREFUSED|ECONNRESET|EPIPE).*");
  private final String server;
  private final StackWatch watch;
  private volatile boolean signalAwaited;

  TransportFaults(
      Map<String, CommandInfo> commands,
      HttpClient.Factory clients,
      AppiumClientConfig config,
      String server,
      StackWatch watch) {
    super(commands, null, clients, config);
    this.server = RunEnvironment.maskUrl(server);
    this.watch = watch;
  }

  @Override
  public Response execute(Command command) {
    Response response;
    try {
      response = super.execute(command);
    } catch (Exception e) { // WebDriverException, or the HTTP client's own failure unwrapped
      if (DriverCommand.NEW_SESSION.equals(command.getName())) {
        throw e instanceof RuntimeException unchecked ? unchecked : new WebDriverException(e);
      }
      throw named(e, command)
          .orElseGet(
              () ->
                  e instanceof RuntimeException unchecked ? unchecked : new WebDriverException(e));
    }
    // An error the server answered (a session it no longer has, a driver it lost) comes back as
    // the response's value, which RemoteWebDriver throws once this returns.
    if (response != null
        && response.getValue() instanceof WebDriverException answered
        && !DriverCommand.NEW_SESSION.equals(command.getName())) {
      var failure = named(answered, command);
      if (failure.isPresent()) {
        throw failure.get();
      }
    }
    return response;
  }

  private Optional<RuntimeException> named(Throwable failure, Command command) {
    Optional<WebDriverException> named = name(failure, server, command.getName());
    if (named.isEmpty()) {
      return Optional.empty();
    }
    // The signal that interrupts a run stops the parts too, and can cut a command before this JVM
    // hears it: given its time at the session's first such failure.
    boolean interrupted =
        signalAwaited ? RunInterruption.interrupted() : RunInterruption.interruptedOnceHeard();
    signalAwaited = true;
    if (!interrupted) {
      // After a signal the parts are going anyway; the session's driver files the step as not run.
      try {
        watch.checkAfterFailure();
      } catch (LocalPartStoppedException dead) {
        // A dead part of the local stack is the cause to name, with its log. Thrown as a
        // WebDriverException: RemoteWebDriver wraps anything else as "It may have died".
        return Optional.of(new UnreachableBrowserException(dead.getMessage(), dead));
      }
    }
    return Optional.of(named.get());
  }

  /** {@code failure} of {@code command}, named for the part that failed, if the transport did. */
  static Optional<WebDriverException> name(Throwable failure, String server, String command) {
    String said =
        firstLine(
            failure instanceof WebDriverException w ? w.getRawMessage() : failure.getMessage());
    if (failure instanceof NoSuchSessionException) {
      return Optional.of(
          new NoSuchSessionException(
              "Appium at "
                  + server
                  + " no longer has this session ('"
                  + command
                  + "': "
                  + said
                  + "): it was ended behind the run's back (the server restarted, or its"
                  + " newCommandTimeout or a farm's idle timeout passed).",
              failure));
    }
    Optional<Throwable> cut = connectionFailure(failure);
    if (cut.isPresent()) {
      Throwable cause = cut.get();
      return Optional.of(
          new UnreachableBrowserException(
              "Appium at "
                  + server
                  + (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                      ? " did not answer '" + command + "' within timeouts.api"
                      : " cut the connection during '"
                          + command
                          + "' ("
                          + cause.getClass().getSimpleName()
                          + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()))
                          + ")")
                  + ": the server, or the Grid or proxy in front of it, stopped or restarted.",
              failure));
    }
    if (PROXY_LOST.matcher(said).matches()) {
      return Optional.of(
          new UnreachableBrowserException(
              "Appium at "
                  + server
                  + " lost the driver behind it (ChromeDriver, UiAutomator2 or XCUITest's"
                  + " WebDriverAgent) during '"
                  + command
                  + "': "
                  + said,
              failure));
    }
    return Optional.empty();
  }

  /** The transport's own failure in {@code failure}'s causes, if there is one. */
  private static Optional<Throwable> connectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException // refused (ConnectException), reset, broken pipe
          || t instanceof EOFException
          || t instanceof ClosedChannelException
          || t instanceof HttpTimeoutException
          // Selenium's own client: no answer within its read timeout (timeouts.api)
          || t instanceof TimeoutException
          || (t instanceof IOException && t.getClass().getName().startsWith("java."))) {
        return Optional.of(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    return text.lines().findFirst().orElse(text);
  }
}
