package io.authflow.e2e.device;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The browser build's requests that got no answer, as Chromium logs them ("https://host/ - Failed
 * to load resource: net::ERR_NAME_NOT_RESOLVED"): reading the log empties it, so what was read is
 * kept here for the rest of the scenario. An HTTP error status is an answer (Cognito answers a
 * wrong password with 400) and is left out.
 */
final class UnansweredRequests {
  private static final Pattern FAILED =
      Pattern.compile("^(\\S+) - Failed to load resource: net::(ERR_[A-Z_]+)");
  // What Chromium's error names mean for someone who did not write the network stack.
  private static final Map<String, String> MEANING =
      Map.of(
          "ERR_NAME_NOT_RESOLVED", "the host name does not resolve",
          "ERR_CONNECTION_REFUSED", "the connection was refused",
          "ERR_CONNECTION_RESET", "the connection was reset",
          "ERR_CONNECTION_TIMED_OUT", "the connection timed out",
          "ERR_CERT_AUTHORITY_INVALID", "TLS: the certificate is not trusted",
          "ERR_CERT_COMMON_NAME_INVALID", "TLS: the certificate is for another host",
          "ERR_INTERNET_DISCONNECTED", "the browser is offline");

  private final Set<String> seen = new LinkedHashSet<>();

  /** Reads what the browser logged since the last read; returns every failure seen so far. */
  List<String> read(WebDriver driver) {
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        Matcher failed = FAILED.matcher(entry.getMessage());
        if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && failed.find()) {
          String error = failed.group(2);
          seen.add(
              failed.group(1)
                  + " ("
                  + error
                  + (error.startsWith("ERR_CERT") || error.startsWith("ERR_SSL")
                      ? ": TLS, the certificate or handshake was refused"
                      : MEANING.containsKey(error) ? ": " + MEANING.get(error) : "")
                  + ")");
        }
      }
    } catch (WebDriverException | UnsupportedOperationException e) {
      // A server that keeps no browser log (a farm's): nothing to tell.
    }
    return new ArrayList<>(seen);
  }
}
