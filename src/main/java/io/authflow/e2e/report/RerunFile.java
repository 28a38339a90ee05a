package io.authflow.e2e.report;

import io.cucumber.core.plugin.RerunFormatter;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * reports/rerun.txt, as Cucumber's rerun plugin writes it (the failed scenarios as feature:line),
 * but only for a judged run: an interrupted run leaves the file of the last judged run, so {@code
 * mvn verify -Prerun} reruns what failed there, not what the signal cut short. Cucumber's own
 * plugin opens (empties) its file when the run starts; this one writes at the end or not at all.
 */
public final class RerunFile implements ConcurrentEventListener {
  private final RerunFormatter formatter;

  public RerunFile(File file) {
    this.formatter = new RerunFormatter(new WrittenOnClose(file.toPath()));
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    formatter.setEventPublisher(publisher);
  }

  /** The formatter closes its stream when the run finishes: that is when the file is written. */
  private static final class WrittenOnClose extends ByteArrayOutputStream {
    private final Path file;
    private boolean closed;

    WrittenOnClose(Path file) {
      this.file = file;
    }

    @Override
    public synchronized void close() {
      if (closed || RunInterruption.interrupted()) {
        return;
      }
      closed = true;
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.write(file, toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
    }
  }
}
