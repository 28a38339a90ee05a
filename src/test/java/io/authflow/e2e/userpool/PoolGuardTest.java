package io.authflow.e2e.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard that keeps destructive pool calls away from real pools and real customers. */
class PoolGuardTest {
  private final PoolGuard disposablePool =
      new PoolGuard("eu-west-1_test", true, "authflow", "authflow.test");

  @Test
  void refusesAPoolNotMarkedDisposable() {
    var guard = new PoolGuard("eu-west-1_prod", false, "authflow", "authflow.test");

    assertThatThrownBy(() -> guard.checkDestructive("delete", "authflow-run-1@authflow.test"))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining("Refused to delete")
        .hasMessageContaining("user pool eu-west-1_prod")
        .hasMessageContaining("userPool.disposable: true");
  }

  @Test
  void refusesASweepOfAPoolNotMarkedDisposable() {
    var guard = new PoolGuard("eu-west-1_prod", false, "authflow", "authflow.test");

    assertThatThrownBy(() -> guard.checkDestructive("sweep test users", null))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining("eu-west-1_prod");
  }

  @Test
  void refusesAnAddressThatIsNoTestAddress() {
    assertThatThrownBy(() -> disposablePool.checkDestructive("delete", "jane@example.com"))
        .isInstanceOf(UnsafePoolOperationException.class)
        .hasMessageContaining("Refused to delete jane@example.com")
        .hasMessageContaining("eu-west-1_test")
        .hasMessageContaining("authflow-…@authflow.test");
  }

  @Test
  void refusesTheRightPrefixAtAnotherDomain() {
    assertThatThrownBy(
            () -> disposablePool.checkDestructive("delete", "authflow-1@authflow.test.example.com"))
        .isInstanceOf(UnsafePoolOperationException.class);
    assertThatThrownBy(() -> disposablePool.checkDestructive("delete", "authflow-1@example.com"))
        .isInstanceOf(UnsafePoolOperationException.class);
  }

  @Test
  void refusesTheRightDomainWithoutThePrefix() {
    // The prefix must be followed by '-', so "authflowx-…" or "authflow@…" are not test users.
    assertThatThrownBy(() -> disposablePool.checkDestructive("delete", "authflowx-1@authflow.test"))
        .isInstanceOf(UnsafePoolOperationException.class);
    assertThatThrownBy(() -> disposablePool.checkDestructive("delete", "authflow@authflow.test"))
        .isInstanceOf(UnsafePoolOperationException.class);
  }

  @Test
  void acceptsATestAddressOfADisposablePool() {
    assertThatCode(() -> disposablePool.checkDestructive("delete", "authflow-abc-1@authflow.test"))
        .doesNotThrowAnyException();
    assertThatCode(() -> disposablePool.checkDestructive("sweep test users", null))
        .doesNotThrowAnyException();
  }

  @Test
  void testAddressesAreRecognisedInAnyCase() {
    assertThat(disposablePool.isTestAddress("AuthFlow-ABC-1@AUTHFLOW.Test")).isTrue();
    var upperConfig = new PoolGuard("p", true, "AuthFlow", "AuthFlow.TEST");
    assertThat(upperConfig.isTestAddress("authflow-abc-1@authflow.test")).isTrue();
    assertThatCode(() -> upperConfig.checkDestructive("delete", "AUTHFLOW-1@authflow.test"))
        .doesNotThrowAnyException();
  }
}
