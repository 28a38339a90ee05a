package io.authflow.e2e.device;

/**
 * The app's own calls to its backend got no answer (a host that does not resolve, a refused
 * connection, a certificate the browser does not trust): the environment, not the app's screens or
 * the inbox, is what failed.
 */
public final class BackendUnreachableException extends RuntimeException {
  public BackendUnreachableException(String message) {
    super(message);
  }
}
