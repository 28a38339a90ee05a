package io.authflow.e2e.userpool;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The user pool as the tests see it: look users up, seed them, and remove them again. */
public interface UserPool {

  /** The user whose email is {@code email}, if the pool has one. */
  Optional<PoolUser> find(String email);

  /**
   * Creates a confirmed user with a permanent password, without sending any message (a returning
   * user, seeded fast).
   */
  PoolUser createConfirmed(String email, String password, Map<String, String> attributes);

  /**
   * Whether the pool has an account for {@code email}, asked by name (AdminGetUser): unlike a
   * search, it cannot miss a user.
   */
  boolean hasAccount(String email);

  /** Deletes the user with this email, if there is one. */
  void delete(String email);

  /**
   * Ends every session of the user (AdminUserGlobalSignOut): their refresh tokens and the access
   * tokens those issued stop working, on every device, as a sign-out everywhere does.
   */
  void signOutEverywhere(String email);

  /**
   * Disables the user's account (AdminDisableUser): they can no longer sign in or renew a session;
   * the account stays in the pool until deleted.
   */
  void disable(String email);

  /** How many test users (email starting with {@code prefix}) the pool holds. */
  int countTestUsers(String prefix);

  /**
   * Deletes test users whose email starts with {@code prefix} and that are older than {@code age}.
   */
  int sweep(String prefix, Duration age);

  /**
   * How the app client answers for an account that does not exist: its PreventUserExistenceErrors
   * setting (DescribeUserPoolClient), which decides what a user who never signed up is told.
   */
  ExistenceErrors existenceErrors();

  /**
   * How long the app client's access tokens live (DescribeUserPoolClient), which is how long an app
   * goes on trusting a signed-in session before it must renew it with the pool.
   */
  AccessTokenLifetime accessTokenLifetime();

  /**
   * The sign-in factors the pool offers (DescribeUserPool, GetUserPoolMfaConfig,
   * DescribeUserPoolClient), which decide the MFA and passwordless journeys that apply to it.
   */
  SignInFactors signInFactors();

  /**
   * Turns on a code by SMS or email as the user's preferred second factor
   * (AdminSetUserMFAPreference); for SMS, {@code mobile} becomes their verified phone_number first.
   */
  void enableCodeBy(String email, SecondFactor factor, String mobile);

  /**
   * Enrols an authenticator app as the user's preferred second factor, as the app would at set-up:
   * signed in as the user, AssociateSoftwareToken gives the key, {@code appCode} answers the code
   * the app shows for it, VerifySoftwareToken checks it, AdminSetUserMFAPreference prefers it.
   * Returns the key.
   */
  String enrolAuthenticatorApp(String email, String password, UnaryOperator<String> appCode);
}
