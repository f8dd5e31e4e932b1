package org.meldekette.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.testing.FirestoreExtension;

/** Counts per client and window, shared by every instance through Firestore. */
@ExtendWith(FirestoreExtension.class)
class RateLimitsTest {
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2026-11-22T08:01:00Z");

  @Test
  void aClientIsStoppedAtTheLimitUntilItsWindowEndsOthersAreNot(Firestore db) {
    RateLimits limits = new RateLimits(db);
    for (int i = 0; i < 3; i++) {
      assertThat(limits.exhausted("codes", "198.51.100.7", 3, WINDOW, T0)).isFalse();
      limits.count("codes", "198.51.100.7", WINDOW, T0);
    }
    assertThat(limits.exhausted("codes", "198.51.100.7", 3, WINDOW, T0.plusSeconds(60))).isTrue();
    assertThat(limits.exhausted("codes", "203.0.113.9", 3, WINDOW, T0)).isFalse();
    assertThat(limits.exhausted("other", "198.51.100.7", 3, WINDOW, T0)).isFalse();
    assertThat(RateLimits.secondsLeft(WINDOW, T0)).isEqualTo(540);
    assertThat(limits.exhausted("codes", "198.51.100.7", 3, WINDOW, T0.plus(WINDOW))).isFalse();
    assertThat(db.listCollections().iterator().next().getId()).isEqualTo("rate-limits");
    assertThat(db.collection("rate-limits").listDocuments().iterator().next().getId())
        .as("the client's address is not in the document")
        .doesNotContain("198.51.100.7");
  }
}
