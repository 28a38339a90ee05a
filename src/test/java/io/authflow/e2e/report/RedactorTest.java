package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the redactor hides in attachments and logs, and what it leaves readable. */
class RedactorTest {
  private final Redactor redactor =
      new Redactor(
          Map.of(
              "MAILOSAUR_API_KEY", "mk-0123456789abcdef",
              "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
              "BROWSERSTACK_ACCESS_KEY", "bs-key-987654",
              "AWS_SESSION_TOKEN", "tok-abcdefgh",
              "HOME", "/home/tester",
              "SHORT_KEY", "abc"));

  @Test
  void valuesOfSecretVariablesAreHiddenWherever_theyAppear() {
    String text =
        "key=mk-0123456789abcdef, aws wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, https://u:bs-key-987654@hub/wd/hub tok-abcdefgh";

    assertThat(redactor.redact(text))
        .doesNotContain("mk-0123456789abcdef", "wJalrXUtnFEMI", "bs-key-987654", "tok-abcdefgh")
        .contains("key=" + Redactor.MASK);
  }

  @Test
  void credentialsInAUrlAreHiddenAlsoWhenNoVariableHoldsThem() {
    String text =
        "Appium at https://qa-user:Zx9$kL2#q@mobile-hub.example.test/wd/hub refused; see"
            + " http://127.0.0.1:4723/status and mailto:a@b.test";

    assertThat(redactor.redact(text))
        .doesNotContain("qa-user", "Zx9$kL2#q")
        .contains("https://" + Redactor.MASK + "@mobile-hub.example.test/wd/hub")
        .contains("http://127.0.0.1:4723/status", "mailto:a@b.test");
  }

  @Test
  void ordinaryVariablesAndTooShortValuesStayReadable() {
    assertThat(redactor.redact("home /home/tester, abc")).isEqualTo("home /home/tester, abc");
  }

  @Test
  void whatWasTypedIntoAPasswordInputOfAPageSourceIsHidden() {
    String page =
        "<input data-testid=\"signIn.email\" value=\"a@b.test\">"
            + "<input aria-label=\"Password\" type=\"password\" value=\"Secr3t#pass\" data-testid=\"signIn.password\">"
            + "<INPUT value='Other#1pass' TYPE=password>";

    String redacted = redactor.redact(page);

    assertThat(redacted)
        .doesNotContain("Secr3t#pass", "Other#1pass")
        .contains("value=\"a@b.test\"", "type=\"password\" value=\"" + Redactor.MASK + "\"");
  }

  @Test
  void passwordFieldsOfJsonAreHidden() {
    String json =
        "{\"Username\":\"a@b.test\",\"Password\":\"Secr3t#p\\\"ass\",\"ProposedPassword\":\"N3w#pass\"}";

    assertThat(redactor.redact(json))
        .isEqualTo(
            "{\"Username\":\"a@b.test\",\"Password\":\""
                + Redactor.MASK
                + "\",\"ProposedPassword\":\""
                + Redactor.MASK
                + "\"}");
  }

  @Test
  void extraValuesAreHiddenToo() {
    assertThat(redactor.redact("typed Pa55#word here", "Pa55#word"))
        .isEqualTo("typed " + Redactor.MASK + " here");
  }
}
