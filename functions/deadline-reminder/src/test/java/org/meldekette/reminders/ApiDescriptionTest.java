package org.meldekette.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every route of the function is in its API description and every described operation is routed.
 */
class ApiDescriptionTest extends ServedReminders {
  @Test
  void everyRouteIsDescribedAndEveryDescribedOperationIsRouted() {
    assertThat(new DeadlineReminderUnderTest().routes()).isEqualTo(CONTRACT.operations());
  }
}
