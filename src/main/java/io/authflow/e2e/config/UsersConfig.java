package io.authflow.e2e.config;

import java.time.Duration;

/** How test users are named, and how old a left-over test user must be before it is swept. */
public record UsersConfig(String emailPrefix, String emailDomain, Duration sweepOlderThan) {}
