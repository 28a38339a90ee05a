package io.authflow.e2e.steps;

import io.authflow.e2e.users.TestUser;

/** Where a one-time code is sent: the user's email, or their mobile by SMS. */
public enum Channel {
  EMAIL("email_verified"),
  MOBILE("phone_number_verified");

  private final String verifiedAttribute;

  Channel(String verifiedAttribute) {
    this.verifiedAttribute = verifiedAttribute;
  }

  /** The pool attribute Cognito sets to true once a code sent here is confirmed. */
  public String verifiedAttribute() {
    return verifiedAttribute;
  }

  public String recipient(TestUser user) {
    return this == EMAIL ? user.email() : user.phone();
  }
}
