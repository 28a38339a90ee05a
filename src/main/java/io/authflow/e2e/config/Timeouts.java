package io.authflow.e2e.config;

import java.time.Duration;

/** Every bound the harness waits under; there are no other waits. */
public record Timeouts(
    Duration screen, Duration code, Duration session, Duration localStack, Duration api) {}
