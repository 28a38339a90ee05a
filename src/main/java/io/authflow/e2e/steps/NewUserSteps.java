package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.ConfirmSignUpScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.SignUpScreen;
import io.authflow.e2e.users.PasswordFlaw;
import io.authflow.e2e.users.TestUser;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** A new user: signing up, the confirmation code, and coming back before confirming. */
public final class NewUserSteps {
  // A code of the right shape that the pool never sent: Cognito codes are 6 random digits.
  private static final String WRONG_CODE = "000000";

  private final AppSession app;
  private final AppProfile profile;
  private final TestUsers users;
  private final CurrentUser user;
  private final Codes codes;
  private final SignInScreen signIn;
  private final SignUpScreen signUp;
  private final ConfirmSignUpScreen confirmSignUp;
  // Set when the code is asked for at sign-in rather than right after signing up: some apps then
  // show sign-in again after the code instead of signing the user in.
  private boolean confirmingAtSignIn;

  public NewUserSteps(
      AppSession app,
      AppProfile profile,
      TestUsers users,
      CurrentUser user,
      Codes codes,
      SignInScreen signIn,
      SignUpScreen signUp,
      ConfirmSignUpScreen confirmSignUp) {
    this.app = app;
    this.profile = profile;
    this.users = users;
    this.user = user;
    this.codes = codes;
    this.signIn = signIn;
    this.signUp = signUp;
    this.confirmSignUp = confirmSignUp;
  }

  @Given("a new visitor opens the app")
  public void aNewVisitorOpensTheApp() {
    user.set(users.newUser());
    app.launch();
  }

  @When("they sign up to receive their code on their {channel}")
  public void theySignUpForACodeOn(Channel channel) {
    if (channel == Channel.MOBILE) {
      user.set(user.get().withPhone(users.newMobile()));
    }
    signUpAs(user.get());
  }

  @When("they sign up with a password that {passwordFlaw}")
  public void theySignUpWithAPasswordThat(PasswordFlaw flaw) {
    signUpAs(user.get().withPassword(users.passwords().breaking(flaw)));
  }

  @When("someone signs up again with that user's email")
  public void someoneSignsUpAgainWithThatEmail() {
    app.launch();
    signUpAs(user.get().withPassword(users.newPassword()));
  }

  @Given("they signed up but left before entering the code")
  public void theySignedUpButLeft() {
    signUpAs(user.get());
    confirmSignUp.awaitShown();
    app.relaunch();
  }

  @When("they enter the confirmation code from their {channel}")
  public void theyEnterTheCodeFrom(Channel channel) {
    confirmSignUp.confirm(() -> codes.awaitFor(channel.recipient(user.get())));
    boolean signedIn =
        confirmingAtSignIn
            ? profile.signsInAfterConfirmingAtSignIn()
            : profile.signsInAfterConfirmingSignUp();
    if (!signedIn) {
      // The app asks them to sign in after the code, as a user would then.
      signIn.signIn(user.get().email(), user.get().password());
    }
  }

  @When("they enter a wrong confirmation code")
  public void theyEnterAWrongCode() {
    confirmSignUp.confirm(() -> WRONG_CODE);
  }

  @When("they ask for a new confirmation code")
  public void theyAskForANewCode() {
    codes.expectReplacing(codes.awaitFor(user.get().email()));
    confirmSignUp.requestNewCode();
  }

  @When("they come back and sign in")
  public void theyComeBackAndSignIn() {
    confirmingAtSignIn = true;
    codes.expectNew();
    signIn.signIn(user.get().email(), user.get().password());
  }

  @Then("they are asked for the confirmation code")
  public void theyAreAskedForTheCode() {
    confirmSignUp.awaitShown();
  }

  private void signUpAs(TestUser who) {
    if (profile.requires("signUp.phone") && who.phone().isEmpty()) {
      who = who.withPhone(users.newMobile());
    }
    signIn.goToSignUp();
    codes.expectNew();
    signUp.signUp(who);
  }
}
