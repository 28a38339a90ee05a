package io.authflow.e2e.users;

/**
 * A test user of one scenario. {@code phone} is empty unless the scenario gave them a mobile. The
 * password is never printed: {@link #toString()} masks it.
 */
public record TestUser(String email, String password, String phone) {

  /** A username distinct from the email, for apps that ask for one: the email's local part. */
  public String username() {
    return email.substring(0, email.indexOf('@'));
  }

  public TestUser withPassword(String newPassword) {
    return new TestUser(email, newPassword, phone);
  }

  public TestUser withPhone(String mobile) {
    return new TestUser(email, password, mobile);
  }

  @Override
  public String toString() {
    return "TestUser[" + email + (phone.isEmpty() ? "" : ", " + phone) + "]";
  }
}
