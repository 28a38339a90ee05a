package io.authflow.e2e.config;

/** The pool's password policy, so generated passwords are accepted and broken ones are refused. */
public record PasswordPolicy(
    int minLength,
    boolean requireUppercase,
    boolean requireLowercase,
    boolean requireNumbers,
    boolean requireSymbols) {}
