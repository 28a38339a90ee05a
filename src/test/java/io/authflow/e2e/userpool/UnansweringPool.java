package io.authflow.e2e.userpool;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A test pool that answers nothing: a test's pool overrides only the calls its code under test may
 * make, so any other call fails the test instead of passing for the wrong reason.
 */
public abstract class UnansweringPool implements UserPool {
  @Override
  public Optional<PoolUser> find(String email) {
    throw new UnsupportedOperationException("find");
  }

  @Override
  public PoolUser createConfirmed(String email, String password, Map<String, String> attributes) {
    throw new UnsupportedOperationException("createConfirmed");
  }

  @Override
  public boolean hasAccount(String email) {
    throw new UnsupportedOperationException("hasAccount");
  }

  @Override
  public void delete(String email) {
    throw new UnsupportedOperationException("delete");
  }

  @Override
  public void signOutEverywhere(String email) {
    throw new UnsupportedOperationException("signOutEverywhere");
  }

  @Override
  public void disable(String email) {
    throw new UnsupportedOperationException("disable");
  }

  @Override
  public int countTestUsers(String prefix) {
    throw new UnsupportedOperationException("countTestUsers");
  }

  @Override
  public int sweep(String prefix, Duration age) {
    throw new UnsupportedOperationException("sweep");
  }

  @Override
  public ExistenceErrors existenceErrors() {
    throw new UnsupportedOperationException("existenceErrors");
  }

  @Override
  public AccessTokenLifetime accessTokenLifetime() {
    throw new UnsupportedOperationException("accessTokenLifetime");
  }

  @Override
  public SignInFactors signInFactors() {
    throw new UnsupportedOperationException("signInFactors");
  }

  @Override
  public void enableCodeBy(String email, SecondFactor factor, String mobile) {
    throw new UnsupportedOperationException("enableCodeBy");
  }

  @Override
  public String enrolAuthenticatorApp(
      String email, String password, java.util.function.UnaryOperator<String> appCode) {
    throw new UnsupportedOperationException("enrolAuthenticatorApp");
  }
}
