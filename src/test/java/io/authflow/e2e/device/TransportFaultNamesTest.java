package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

/**
 * A command that got no answer within timeouts.api, in both shapes Selenium's JDK client throws it
 * (its read timeout: a future's TimeoutException; the JDK's own HttpTimeoutException), is named as
 * such, not as a bare class name.
 */
class TransportFaultNamesTest {
  private static final String SERVER = "http://127.0.0.1:4723/";

  @Test
  void noAnswerWithinTheReadTimeoutNamesTheServerAndTheTimeout() {
    assertNamedAsNoAnswer(new org.openqa.selenium.TimeoutException(new TimeoutException()));
  }

  @Test
  void theJdkClientsOwnTimeoutIsNamedTheSame() {
    assertNamedAsNoAnswer(
        new org.openqa.selenium.TimeoutException(
            "timed out", new HttpTimeoutException("request timed out")));
  }

  @Test
  void anAnswerThatIsNoTransportFaultIsLeftAsItIs() {
    assertThat(
            TransportFaults.name(new WebDriverException("no such element"), SERVER, "findElement"))
        .isEmpty();
  }

  private static void assertNamedAsNoAnswer(WebDriverException failure) {
    assertThat(TransportFaults.name(failure, SERVER, "findElements"))
        .get()
        .extracting(WebDriverException::getRawMessage)
        .asString()
        .startsWith("Appium at " + SERVER + " did not answer 'findElements' within timeouts.api");
  }
}
