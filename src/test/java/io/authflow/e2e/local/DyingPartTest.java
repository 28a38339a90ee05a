package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part that dies names itself: its exit code and its log's last lines (parts/StackWatch tells the
 * run).
 */
class DyingPartTest {
  // Becomes ready like the real launcher, then dies on its own.
  private static final String DYING_LAUNCHER =
      """
      const fs = require('node:fs');
      const file = process.argv[process.argv.indexOf('--ready-file') + 1];
      fs.mkdirSync(require('node:path').dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({
        endpoint: 'http://127.0.0.1:1/', clients: {},
        tls: { port: 1, spkiSha256: 'x', hosts: ['cognito-idp.local.amazonaws.com'] },
      }));
      console.log('pool ready, about to crash');
      setTimeout(() => process.exit(3), 300);
      """;

  @TempDir Path dir;

  @Test
  void aStandInThatDiesIsNamedWithItsExitCodeAndLastLogLines() throws IOException {
    Path launcherDir = Files.createDirectories(dir.resolve("cognito"));
    Files.createDirectories(launcherDir.resolve("node_modules"));
    Files.writeString(launcherDir.resolve("launcher.js"), DYING_LAUNCHER);
    var standIn =
        new CognitoStandIn(
            launcherDir, dir.resolve("run"), 1, "", "app", Duration.ofSeconds(30), dir);
    standIn.start();
    try {
      Awaitility.await("the stand-in to be seen stopped")
          .atMost(Duration.ofSeconds(10))
          .until(() -> standIn.stopped().isPresent());
      assertThat(standIn.stopped().orElseThrow())
          .startsWith("The Cognito stand-in stopped (exit code 3; last log line: [tether] ")
          .contains("exited with code 3")
          .contains("pool ready, about to crash")
          .contains(dir.resolve("cognito.log").toString());
    } finally {
      standIn.close();
    }
  }
}
