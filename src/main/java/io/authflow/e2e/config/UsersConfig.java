package io.authflow.e2e.config;

import java.time.Duration;

/**
 * How test users are named, how old a left-over test user must be before it is swept, and the
 * mobile number SMS codes go to ({@code mobile}; empty: a fresh fictional number per user, which
 * only the local stack's inbox receives).
 */
public record UsersConfig(
    String emailPrefix, String emailDomain, Duration sweepOlderThan, String mobile) {}
