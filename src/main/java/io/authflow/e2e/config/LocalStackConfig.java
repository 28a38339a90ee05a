package io.authflow.e2e.config;

import java.util.List;

/**
 * What the embedded local stack is asked to be: {@code appClient} names the app client of the
 * stand-in's pool that the app (and the tests) use, and {@code amplifyOutputs}, when not empty, is
 * the app's amplify_outputs.json that shapes the pool (else Amplify Gen 2's defaults).
 */
public record LocalStackConfig(String appClient, String amplifyOutputs) {
  /** Gen 2's default app client: it hides whether an account exists. */
  public static final String DEFAULT_CLIENT = "app";

  /** The same pool's LEGACY client, which says when an account does not exist. */
  public static final String REVEALING_CLIENT = "revealsUserExistence";

  public static final List<String> CLIENTS = List.of(DEFAULT_CLIENT, REVEALING_CLIENT);
}
