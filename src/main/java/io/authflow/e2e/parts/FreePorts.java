package io.authflow.e2e.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for the parts this machine starts. */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago; the caller binds it right away. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }
}
