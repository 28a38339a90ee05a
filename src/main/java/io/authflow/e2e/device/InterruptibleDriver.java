package io.authflow.e2e.device;

import io.appium.java_client.AppiumDriver;
import io.authflow.e2e.report.RunInterruption;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.CommandPayload;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.Response;

/**
 * A session's driver whose commands, failing once the run is interrupted, end the step as not run
 * (skipped, "run interrupted") instead of failed: the signal stops the parts every command needs,
 * so a failure then is no judgement of the app, whichever step or wait made the command. Decided
 * here, above RemoteWebDriver, which wraps anything its executor throws ({@link TransportFaults},
 * which gives a signal on its way the time to arrive) as a WebDriverException, a failure to
 * Cucumber. A quit is left as it fails: after a signal that is expected, and quits handle it.
 */
final class InterruptibleDriver extends AppiumDriver {
  InterruptibleDriver(HttpCommandExecutor executor, Capabilities capabilities) {
    super(executor, capabilities);
  }

  @Override
  protected Response execute(CommandPayload command) {
    try {
      return super.execute(command);
    } catch (WebDriverException e) {
      if (RunInterruption.interrupted() && !DriverCommand.QUIT.equals(command.getName())) {
        throw RunInterruption.notJudged("'" + command.getName() + "' failed: " + e.getMessage());
      }
      throw e;
    }
  }
}
