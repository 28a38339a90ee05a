package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.userpool.PoolUser;
import io.authflow.e2e.userpool.UserPool;
import io.cucumber.java.en.Then;

/** What the user pool says about the scenario's user, asked through the admin API. */
public final class AccountSteps {
  private final UserPool pool;
  private final CurrentUser user;

  public AccountSteps(UserPool pool, CurrentUser user) {
    this.pool = pool;
    this.user = user;
  }

  @Then("the user pool shows their account as confirmed with a verified {channel}")
  public void confirmedWithAVerified(Channel channel) {
    PoolUser account = account();
    assertThat(account.status())
        .as("status of %s in the user pool", account.email())
        .isEqualTo("CONFIRMED");
    assertThat(account.attributes())
        .as("attributes of %s in the user pool", account.email())
        .containsEntry(channel.verifiedAttribute(), "true");
  }

  @Then("the user pool shows their account as not yet confirmed")
  public void notYetConfirmed() {
    PoolUser account = account();
    assertThat(account.status())
        .as("status of %s in the user pool", account.email())
        .isEqualTo("UNCONFIRMED");
  }

  @Then("the user pool has no account for their email")
  public void noAccount() {
    assertThat(pool.hasAccount(user.get().email()))
        .as("the user pool has an account for %s (AdminGetUser)", user.get().email())
        .isFalse();
  }

  private PoolUser account() {
    String email = user.get().email();
    return pool.find(email)
        .orElseThrow(() -> new AssertionError("The user pool has no account for " + email));
  }
}
