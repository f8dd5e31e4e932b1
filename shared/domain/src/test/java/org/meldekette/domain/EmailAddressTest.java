package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "erika@example.org",
        "a.b+c@mail.example.co.uk",
        "x_y-z@a-b.de",
        "O'Neil@example.ie"
      })
  void acceptsAddressesPeopleHave(String address) {
    assertThat(EmailAddress.isValid(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "erika",
        "erika@",
        "@example.org",
        "erika@localhost",
        "erika@-example.org",
        "erika@example..org",
        "erika example@example.org",
        "erika@exa mple.org",
        "erika@example.org\n"
      })
  void refusesWhatIsNoAddress(String address) {
    assertThat(EmailAddress.isValid(address)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongParts() {
    assertThat(EmailAddress.isValid("a".repeat(65) + "@example.org")).isFalse();
    assertThat(
            EmailAddress.isValid(
                "a@"
                    + "b".repeat(63)
                    + "."
                    + "c".repeat(63)
                    + "."
                    + "d".repeat(63)
                    + "."
                    + "e".repeat(61)
                    + ".org"))
        .isFalse();
  }
}
