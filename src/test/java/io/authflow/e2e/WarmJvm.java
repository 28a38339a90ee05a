package io.authflow.e2e;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * The rehearsal stack's warm JVM (started by {@code mvn -Plocal-stack}), and how a rerun reaches
 * it. A rerun's own JVM spent most of a one-scenario rerun starting, loading and compiling
 * Cucumber, JUnit, Selenium and the AWS SDK (docs/benchmark.md); this JVM keeps those libraries
 * loaded in one class loader and loads the harness's classes (target/classes, target/test-classes,
 * and Cucumber's engine, which finds the glue through its own class loader) afresh for each rerun,
 * so Java edits a build compiled apply, and no static of one rerun outlives it.
 *
 * <p>A rerun ({@link WarmRerun}) connects to the port written in the stack's {@code warm-jvm} file
 * (readable by its owner only, with a token that proves the reader), sends its scenario filter and
 * a digest of each setting a run reads (the AUTHFLOW_, MAILOSAUR_ and AWS_ variables, the
 * authflow., cucumber., allure. and doctor. options and -Denv), and gets the run's console output
 * and exit status back. A setting the rerun has with another value than this JVM (it was started
 * with the stack's variables and options) means a cold run in the rerun's own JVM, with a line
 * naming the setting; a setting the rerun lacks is the stack's. Reruns take turns.
 */
public final class WarmJvm {
  private static final String PROTOCOL = "authflow-warm-rerun-1";
  // The answer to a rerun without this JVM's token, where a setting's name would be.
  private static final String REFUSED = "-refused";
  private static final int END = -1;
  private static final List<String> VARIABLE_PREFIXES = List.of("AUTHFLOW_", "MAILOSAUR_", "AWS_");
  private static final List<String> PROPERTY_PREFIXES =
      List.of("authflow.", "cucumber.", "allure.", "doctor.");
  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(2);
  // After this long without an answer the rerun says what it waits for: an earlier rerun's end.
  private static final Duration SAY_WAITING_AFTER = Duration.ofSeconds(1);
  static final String LOG = "target/rehearsal/logs/warm-jvm.log";

  private WarmJvm() {}

  /**
   * The server: {@code args[0]} is the file a rerun finds it by. Ends with its parent, the stack.
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    List<URL> libraries = new ArrayList<>();
    List<URL> harness = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean ownClasses =
          Files.isDirectory(path)
              || path.getFileName().toString().startsWith("cucumber-junit-platform-engine-");
      (ownClasses ? harness : libraries).add(url(path));
    }
    var librariesLoader =
        new URLClassLoader(
            "rerun-libraries", libraries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    // The reruns' kept app sessions, handed from one rerun to the next (SessionShelves).
    var server = new Server(harness, librariesLoader, token, settings(), new ConcurrentHashMap<>());
    try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      writeOwnerOnly(file, listening.getLocalPort() + " " + token + "\n");
      // Loads and compiles the libraries' discovery path before the first rerun needs it; a rerun
      // that comes meanwhile waits in the backlog.
      server.warmUp();
      System.out.println("Warm JVM ready on 127.0.0.1:" + listening.getLocalPort());
      while (true) {
        try (Socket client = listening.accept()) {
          server.serve(client);
        } catch (IOException e) {
          System.out.println("A rerun's connection failed: " + e);
        }
      }
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a class path entry: " + path, e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    Files.createFile(
        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, text);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** What a run reads from outside, each value as a digest: secrets never cross the socket. */
  static Map<String, String> settings() {
    Map<String, String> settings = new TreeMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if (VARIABLE_PREFIXES.stream().anyMatch(name::startsWith)
                  && !name.equals("AUTHFLOW_RUN")) {
                settings.put(name, digest(value));
              }
            });
    System.getProperties()
        .forEach(
            (name, value) -> {
              String key = String.valueOf(name);
              if (key.equals("env") || PROPERTY_PREFIXES.stream().anyMatch(key::startsWith)) {
                settings.put("-D" + key, digest(String.valueOf(value)));
              }
            });
    return settings;
  }

  private static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** The first of the rerun's settings this JVM has not, or has with another value. */
  static Optional<String> difference(Map<String, String> rerun, Map<String, String> warm) {
    return rerun.entrySet().stream()
        .filter(setting -> !setting.getValue().equals(warm.get(setting.getKey())))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** One rerun at a time, each in a class loader of its own over the shared libraries. */
  private record Server(
      List<URL> harness,
      ClassLoader libraries,
      String token,
      Map<String, String> settings,
      Map<String, Object> sessions) {

    void warmUp() {
      try (var loader = harnessLoader()) {
        call(loader, "discover");
      } catch (IOException | ReflectiveOperationException e) {
        // The first rerun pays for what was not loaded; it says what goes wrong, if anything.
        Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
        System.out.println("Warm-up discovery failed: " + cause);
        cause.printStackTrace(System.out);
      }
    }

    void serve(Socket client) throws IOException {
      var in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
      var out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
      String protocol = in.readUTF();
      String offered = in.readUTF();
      String key = in.readUTF();
      String value = in.readUTF();
      boolean newSession = in.readBoolean();
      Map<String, String> rerun = new TreeMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        rerun.put(in.readUTF(), in.readUTF());
      }
      if (!PROTOCOL.equals(protocol) || !token.equals(offered)) {
        out.writeUTF(REFUSED);
        out.flush();
        return;
      }
      Optional<String> difference = difference(rerun, settings);
      out.writeUTF(difference.orElse(""));
      out.flush();
      if (difference.isPresent()) {
        return;
      }
      // Not the filter: the rerun's own log has it, with secrets hidden.
      System.out.println(Instant.now() + " rerun started");
      int status = run(key, value, newSession, in, out);
      System.out.println(Instant.now() + " rerun ended with status " + status);
      out.writeInt(status);
      out.flush();
    }

    private int run(
        String key, String value, boolean newSession, InputStream in, DataOutputStream out)
        throws IOException {
      PrintStream console = System.out;
      PrintStream errors = System.err;
      var framed = new PrintStream(new Framed(out), true, StandardCharsets.UTF_8);
      AtomicBoolean running = new AtomicBoolean(true);
      try (var loader = harnessLoader()) {
        // The client closes its side on Ctrl-C (or dies): the rerun then stops as a signal would.
        Thread watcher =
            new Thread(
                () -> {
                  try {
                    while (in.read() != -1) {
                      // The client sends nothing more; only its end matters.
                    }
                  } catch (IOException gone) {
                    // Gone all the same.
                  }
                  if (running.get()) {
                    try {
                      call(loader, "clientWentAway");
                    } catch (ReflectiveOperationException e) {
                      console.println("Could not stop the rerun: " + e);
                    }
                  }
                },
                "warm-rerun-client");
        watcher.setDaemon(true);
        watcher.start();
        System.setOut(framed);
        System.setErr(framed);
        try {
          return (int) call(loader, "runWarm", key, value, sessions, newSession);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
          cause.printStackTrace(framed);
          return 1;
        } finally {
          running.set(false);
          framed.flush();
          System.setOut(console);
          System.setErr(errors);
          out.writeInt(END);
        }
      }
    }

    private URLClassLoader harnessLoader() {
      return new URLClassLoader("rerun-harness", harness.toArray(URL[]::new), libraries);
    }

    /**
     * Calls WarmRerun's {@code method} as loaded by {@code loader}, which is also the thread's
     * context class loader meanwhile: JUnit and Cucumber find engines and plugins through it.
     */
    private static Object call(ClassLoader loader, String method, Object... args)
        throws ReflectiveOperationException {
      Class<?>[] types = new Class<?>[args.length];
      for (int i = 0; i < args.length; i++) {
        types[i] = args[i] instanceof Map ? Map.class : args[i].getClass();
      }
      Thread thread = Thread.currentThread();
      ClassLoader context = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return Class.forName(WarmRerun.class.getName(), true, loader)
            .getMethod(method, types)
            .invoke(null, args);
      } finally {
        thread.setContextClassLoader(context);
      }
    }
  }

  /** The run's output as frames (length, bytes); a client gone makes later writes vanish. */
  private static final class Framed extends OutputStream {
    private final DataOutputStream out;
    private boolean gone;

    Framed(DataOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      if (gone || length == 0) {
        return;
      }
      try {
        out.writeInt(length);
        out.write(bytes, offset, length);
        out.flush();
      } catch (IOException e) {
        gone = true;
      }
    }
  }

  /**
   * The client: runs the rerun in the warm JVM named by {@code file}, its output to {@code
   * console}; the exit status, or empty (with a line why) when the rerun must run in this JVM.
   */
  static Optional<Integer> ask(
      Path file, String key, String value, boolean newSession, PrintStream console) {
    String[] found;
    try {
      found = Files.readString(file).strip().split(" ");
    } catch (IOException e) {
      console.println(
          "No warm JVM ("
              + file
              + " is not there: is mvn -Plocal-stack running?); the rerun starts its own.");
      return Optional.empty();
    }
    boolean running = false;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(found[0])),
          (int) CONNECT_WITHIN.toMillis());
      var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      out.writeUTF(PROTOCOL);
      out.writeUTF(found[1]);
      out.writeUTF(key);
      out.writeUTF(value);
      out.writeBoolean(newSession);
      Map<String, String> settings = settings();
      out.writeInt(settings.size());
      for (var setting : settings.entrySet()) {
        out.writeUTF(setting.getKey());
        out.writeUTF(setting.getValue());
      }
      out.flush();
      String difference = firstAnswer(socket, in, console);
      if (difference.equals(REFUSED)) {
        console.println(
            "The warm JVM at port "
                + found[0]
                + " refused the token in "
                + file
                + " (a file of an earlier start of the stack?): the rerun starts its own JVM.");
        return Optional.empty();
      }
      if (!difference.isEmpty()) {
        console.println(
            "The warm JVM runs with the stack's settings and this rerun's "
                + difference
                + " differs: the rerun starts its own JVM (restart mvn -Plocal-stack to keep it warm"
                + " with these settings).");
        return Optional.empty();
      }
      running = true;
      AtomicBoolean stopping = new AtomicBoolean();
      Signal.handle(
          new Signal("INT"),
          signal -> {
            if (stopping.getAndSet(true)) {
              // A second Ctrl-C leaves at once; the warm JVM still ends the rerun before the next.
              Runtime.getRuntime().halt(130);
            }
            console.println(
                "\nStopping the rerun: its scenario stops at its next wait for the app"
                    + " (Ctrl-C again leaves now).");
            try {
              socket.shutdownOutput();
            } catch (IOException e) {
              Runtime.getRuntime().halt(130);
            }
          });
      byte[] buffer = new byte[8192];
      for (int length = in.readInt(); length != END; length = in.readInt()) {
        if (length > buffer.length) {
          buffer = new byte[length];
        }
        in.readFully(buffer, 0, length);
        console.write(buffer, 0, length);
      }
      console.flush();
      int status = in.readInt();
      return Optional.of(stopping.get() ? 130 : status);
    } catch (IOException | RuntimeException e) {
      if (running) {
        console.println("The warm JVM ended during the rerun (" + e + "): see " + LOG + ".");
        return Optional.of(1);
      }
      console.println(
          "The warm JVM named in "
              + file
              + " did not answer ("
              + e
              + "); the rerun starts its own.");
      return Optional.empty();
    }
  }

  /**
   * The warm JVM's first answer; it comes once an earlier rerun has ended, which may take a while.
   */
  private static String firstAnswer(Socket socket, DataInputStream in, PrintStream console)
      throws IOException {
    socket.setSoTimeout((int) SAY_WAITING_AFTER.toMillis());
    try {
      return in.readUTF();
    } catch (SocketTimeoutException e) {
      console.println("Waiting for the warm JVM: an earlier rerun is still ending.");
      socket.setSoTimeout(0);
      return in.readUTF();
    } finally {
      socket.setSoTimeout(0);
    }
  }
}
