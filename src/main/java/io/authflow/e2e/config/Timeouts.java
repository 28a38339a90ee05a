package io.authflow.e2e.config;

import java.time.Duration;

/**
 * Every bound the harness waits under; there are no other waits. {@code api} bounds one call,
 * retries included; {@code poll} is how soon a wait for a screen or element looks again after not
 * finding it. {@code sessionExpiry} is the longest a scenario waits for a signed-in session to
 * expire (the app client's access token lifetime); a pool whose tokens live longer does not get
 * those scenarios.
 */
public record Timeouts(
    Duration screen,
    Duration code,
    Duration session,
    Duration localStack,
    Duration api,
    Duration poll,
    Duration sessionExpiry) {}
