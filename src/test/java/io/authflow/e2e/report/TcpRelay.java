package io.authflow.e2e.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A TCP relay in front of a real Appium, standing for what sits between a run and its server (a
 * Grid, a proxy, the network): it passes bytes both ways until told to cut every connection on the
 * next request that arrives (the command is sent and never answered), or to stop listening.
 */
final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private final String upstreamHost;
  private final int upstreamPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "tcp-relay");
            thread.setDaemon(true);
            return thread;
          });
  private final Semaphore requestsSeen = new Semaphore(0);
  private volatile boolean cutting;

  TcpRelay(String upstream) throws IOException {
    URI uri = URI.create(upstream);
    this.upstreamHost = uri.getHost();
    this.upstreamPort = uri.getPort();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /** From now on, a request that arrives is cut off: its connection and the server's are reset. */
  void cutEveryRequest() {
    cutting = true;
  }

  /** Forgets the requests seen so far; {@link #awaitRequest} then waits for a new one. */
  void forgetRequests() {
    requestsSeen.drainPermits();
  }

  /** Whether a request reached the server through the relay within {@code millis}. */
  boolean awaitRequest(long millis) throws InterruptedException {
    return requestsSeen.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Stops listening and resets every connection: the next command finds the port closed. */
  @Override
  public void close() {
    synchronized (open) {
      try {
        server.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      open.forEach(TcpRelay::reset);
      threads.shutdownNow();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(upstreamHost, upstreamPort);
        // A connection accepted as the relay closes is reset too, not left open and unread (its
        // command would wait out timeouts.api instead of finding the port closed).
        synchronized (open) {
          if (server.isClosed()) {
            reset(client);
            reset(upstream);
            return;
          }
          open.add(client);
          open.add(upstream);
          threads.submit(() -> pipe(client, upstream, true));
          threads.submit(() -> pipe(upstream, client, false));
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean request) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (request && cutting) {
          reset(from);
          reset(to);
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
        if (request) {
          requestsSeen.release();
        }
      }
    } catch (IOException gone) {
      // the other side closed or was reset
    } finally {
      reset(from);
      reset(to);
    }
  }

  /** Closes with RST rather than FIN, as a process that dies or a proxy that drops does. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
