package io.authflow.e2e.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Node.js the local stack's Node parts run on: the maintained LTS that src/local/prepare.sh
 * installs from the npm registry (src/local/node) and names in node_modules/.authflow-node, else
 * the machine's own {@code node} on PATH (a platform the registry serves no Node package for).
 */
final class NodeRuntime {
  private NodeRuntime() {}

  /** {@code localDir} is src/local of the project. */
  static String executable(Path localDir) {
    return maintained(localDir).map(Path::toString).orElse("node");
  }

  /**
   * What the stack's Node programs run with: Node's compile cache, V8's code for every module they
   * load kept on disk from one start to the next, so Appium and the Cognito stand-in start without
   * compiling their sources again (about 0.15 s of Appium's 1 s start here, docs/benchmark.md). It
   * lives beside the maintained Node and goes with it; Node keys it by version and by each module's
   * contents, and a Node older than 22.1 ignores it.
   */
  static Map<String, String> environment(Path localDir) {
    return Map.of(
        "NODE_COMPILE_CACHE",
        localDir.resolve("node/node_modules/.cache/compile").toAbsolutePath().toString());
  }

  /** The maintained Node prepare.sh installed, if it found one for this platform. */
  static Optional<Path> maintained(Path localDir) {
    Path chosen = localDir.resolve("node/node_modules/.authflow-node");
    try {
      if (Files.isRegularFile(chosen)) {
        Path node = Path.of(Files.readString(chosen).trim());
        return Files.isExecutable(node) ? Optional.of(node) : Optional.empty();
      }
    } catch (IOException e) {
      // Unreadable: the machine's node serves as well, only older.
    }
    return Optional.empty();
  }
}
