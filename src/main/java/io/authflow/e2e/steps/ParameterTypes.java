package io.authflow.e2e.steps;

import io.authflow.e2e.userpool.SecondFactor;
import io.authflow.e2e.users.PasswordFlaw;
import io.cucumber.java.ParameterType;
import java.util.Locale;

/** The domain words of the features, as Cucumber expression parameter types. */
public final class ParameterTypes {

  @ParameterType("email|mobile")
  public Channel channel(String name) {
    return Channel.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Where the pool sends a returning user's sign-in codes. */
  @ParameterType("SMS|email")
  public SecondFactor codeChannel(String name) {
    return name.equals("SMS") ? SecondFactor.SMS : SecondFactor.EMAIL;
  }

  @ParameterType(
      "is too short|has no number|has no uppercase letter|has no lowercase letter|has no symbol")
  public PasswordFlaw passwordFlaw(String words) {
    return PasswordFlaw.fromWords(words);
  }

  /** An outcome in words ("a wrong code"); the article is not part of the intent. */
  @ParameterType("(?:an? |the )?([a-z][a-z -]*[a-z])")
  public MessageIntent message(String words) {
    return MessageIntent.fromWords(words);
  }
}
