package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every route of the function is in its API description and every described operation routed. */
class ApiDescriptionTest extends ServedVault {
  @Test
  void everyRouteIsDescribedAndEveryDescribedOperationIsRouted() {
    assertThat(new VaultUnderTest().routes()).isEqualTo(CONTRACT.operations());
  }
}
