package io.authflow.e2e.config;

import java.time.Duration;

/**
 * Every bound the harness waits under; there are no other waits. {@code api} bounds one call,
 * retries included; {@code poll} is how soon a wait for a screen or element looks again after not
 * finding it.
 */
public record Timeouts(
    Duration screen,
    Duration code,
    Duration session,
    Duration localStack,
    Duration api,
    Duration poll) {}
