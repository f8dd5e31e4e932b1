package org.meldekette.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentIdsTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T23:59:59Z"), ZoneOffset.UTC);

  @Test
  void idsCarryTheUtcDayAndSixCharactersThatCannotBeMisread() {
    IncidentIds ids = new IncidentIds(clock, new Random(1));
    for (int i = 0; i < 1000; i++) {
      String id = ids.next();
      assertThat(id).matches("INC-20261122-[0-9A-Z]{6}");
      assertThat(id.substring(13)).doesNotContain("I", "L", "O", "U");
      assertThat(IncidentIds.isWellFormed(id)).isTrue();
    }
  }

  @Test
  void idsAreRandomNotASequence() {
    IncidentIds ids = new IncidentIds(clock, new Random(7));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(ids.next());
    }
    assertThat(seen).hasSizeGreaterThan(9_990);
  }

  @Test
  void junkIsNotWellFormed() {
    assertThat(IncidentIds.isWellFormed("INC-20261122-7KQ3XI")).isFalse();
    assertThat(IncidentIds.isWellFormed("INC-2026112-7KQ3XZ")).isFalse();
    assertThat(IncidentIds.isWellFormed("../../reports")).isFalse();
    assertThat(IncidentIds.isWellFormed(null)).isFalse();
  }
}
