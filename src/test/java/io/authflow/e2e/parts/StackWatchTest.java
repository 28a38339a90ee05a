package io.authflow.e2e.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.inbox.Inbox;
import io.authflow.e2e.inbox.OneTimeCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A part that dies is named at once, by every guarded call after it. */
class StackWatchTest {
  @TempDir Path dir;
  private final Object stack = new Object();
  private final StackWatch watch = new StackWatch();

  @AfterEach
  void stopWatching() {
    watch.unwatch(stack);
  }

  @Test
  void aGuardedWaitFailsAtOnceWhenAPartDiesInsteadOfWaitingOutItsTimeout() {
    var dead = new AtomicReference<String>();
    watch.watch(stack, () -> Optional.ofNullable(dead.get()), Optional::empty);
    var neverArrives = new CountDownLatch(1);
    Inbox inbox =
        watch.guard(
            Inbox.class,
            new Inbox() {
              @Override
              public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
                try {
                  neverArrives.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                throw new AssertionError("the wait was not cut short");
              }

              @Override
              public void clear(String recipient) {}
            });
    Awaitility.await()
        .pollDelay(Duration.ofMillis(500))
        .until(() -> dead.compareAndSet(null, "The Cognito stand-in stopped (exit code 137)"));

    long start = System.nanoTime();
    var e =
        catchThrowableOfType(
            LocalPartStoppedException.class,
            () -> inbox.awaitCode("a@b.test", Instant.now(), Duration.ofSeconds(30)));

    assertThat(e).hasMessage("The Cognito stand-in stopped (exit code 137)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void theFirstDeathStaysTheCauseForEveryLaterCheck() {
    var dead = new AtomicReference<>("Appium stopped (its process ended)");
    watch.watch(stack, () -> Optional.ofNullable(dead.get()), Optional::empty);
    assertThatThrownBy(watch::check).hasMessage("Appium stopped (its process ended)");

    dead.set("The Cognito stand-in stopped (exit code 1)");

    assertThatThrownBy(watch::check)
        .isInstanceOf(LocalPartStoppedException.class)
        .hasMessage("Appium stopped (its process ended)");
  }

  @Test
  void aDeadPartIsTheCauseOnlyInTheWatchOfItsOwnRun() {
    watch.watch(
        stack, () -> Optional.of("The Cognito stand-in stopped (exit code 1)"), Optional::empty);
    var otherRun = new StackWatch();
    otherRun.watch(new Object(), Optional::empty, Optional::empty);

    assertThatThrownBy(watch::check).hasMessage("The Cognito stand-in stopped (exit code 1)");
    assertThatCode(otherRun::checkAfterFailure).doesNotThrowAnyException();
    assertThatCode(new StackWatch()::checkAfterFailure)
        .as("a watch on nothing (a farm)")
        .doesNotThrowAnyException();
  }

  @Test
  void aFailureWhileAPartNoLongerAnswersIsBlamedOnThePart() {
    watch.watch(stack, Optional::empty, () -> Optional.of("Appium stopped (it no longer answers)"));

    watch.check(); // the processes still run: no cause yet

    assertThatThrownBy(watch::checkAfterFailure)
        .isInstanceOf(LocalPartStoppedException.class)
        .hasMessage("Appium stopped (it no longer answers)");
    assertThatThrownBy(watch::check).hasMessage("Appium stopped (it no longer answers)");
  }

  @Test
  void aRemoteAppiumThatNoLongerAnswersIsNamedAfterAFailure() throws IOException {
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed;
    watch.watchRemoteAppium(url, Duration.ofSeconds(5));
    try {
      watch.check(); // nothing failed yet: no request, no cause

      assertThatThrownBy(watch::checkAfterFailure)
          .isInstanceOf(LocalPartStoppedException.class)
          .hasMessageStartingWith("Appium at " + url + "/ stopped answering (")
          .hasMessageContaining("ConnectException");
    } finally {
      watch.unwatch(url + "/");
    }
  }

  @Test
  void aGuardedCallThatFailsWhileTheStackRunsFailsWithItsOwnError() {
    watch.watch(stack, Optional::empty, Optional::empty);
    Inbox inbox =
        watch.guard(
            Inbox.class,
            new Inbox() {
              @Override
              public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
                throw new IllegalStateException("no code for " + recipient);
              }

              @Override
              public void clear(String recipient) {}
            });

    assertThatThrownBy(() -> inbox.awaitCode("a@b.test", Instant.now(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no code for a@b.test");
  }
}
