package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's Node programs run with Node's compile cache, kept beside the maintained Node, so a
 * later start reads V8's code for its modules rather than compiling them again.
 */
class NodeCompileCacheTest {
  private static final Path LOCAL = Path.of("src/local").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aProgramOfTheStackRunsWithTheCacheBesideTheMaintainedNode() throws Exception {
    assertThat(NodeRuntime.maintained(LOCAL))
        .as("the maintained Node ('mvn test' installs it)")
        .isPresent();
    Path program =
        Files.writeString(
            dir.resolve("cache-dir.js"),
            "console.log('cache: ' + require('node:module').getCompileCacheDir());");
    Path log = dir.resolve("program.log");

    NodeProcess process = NodeProcess.start("cache-dir", LOCAL, program, List.of(), dir, log, null);

    Awaitility.await("the program to end")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !process.alive());
    assertThat(Files.readString(log))
        .contains("cache: " + LOCAL.resolve("node/node_modules/.cache/compile") + "/v");
  }
}
