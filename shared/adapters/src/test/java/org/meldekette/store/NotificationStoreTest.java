package org.meldekette.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meldekette.domain.Actor;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.testing.FirestoreExtension;

/**
 * Claims that make a notification post once, and the per-channel minute that turns a storm into a
 * digest, against the Firestore emulator.
 */
@ExtendWith(FirestoreExtension.class)
class NotificationStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:10Z");

  private static NotificationStore store(Firestore db) {
    return new NotificationStore(
        () -> db, new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL")), CommitListener.NONE);
  }

  @Test
  void aNotificationIsClaimedOnceAndAStaleClaimCanBeTakenOver(Firestore db) {
    NotificationStore store = store(db);
    assertThat(store.claim("new-INC-1", T0)).isEqualTo(NotificationStore.Claim.CLAIMED);
    assertThat(store.claim("new-INC-1", T0.plusSeconds(30)))
        .isEqualTo(NotificationStore.Claim.IN_PROGRESS);
    assertThat(store.claim("new-INC-1", T0.plus(Duration.ofMinutes(3))))
        .as("the first delivery died")
        .isEqualTo(NotificationStore.Claim.CLAIMED);
    store.recordSent(
        "new-INC-1",
        "INC-20261122-AAAAAA",
        List.of("team"),
        Actor.service("deadline-reminder"),
        T0);
    assertThat(store.claim("new-INC-1", T0.plus(Duration.ofHours(1))))
        .isEqualTo(NotificationStore.Claim.ALREADY_SENT);
    store.release("new-INC-2");
    assertThat(store.claim("new-INC-2", T0)).isEqualTo(NotificationStore.Claim.CLAIMED);
  }

  @Test
  void beyondTheRateAChannelsMinuteBecomesOneDigestWithEveryLineOnce(Firestore db) {
    NotificationStore store = store(db);
    List<Boolean> postedNow = new ArrayList<>();
    int digestsStarted = 0;
    for (int i = 0; i < 25; i++) {
      NotificationStore.Admission admission = store.admit("team", "INC-" + i, 10, T0);
      postedNow.add(admission.postNow());
      digestsStarted += admission.digestStarted() ? 1 : 0;
    }
    assertThat(postedNow.stream().filter(p -> p).count()).isEqualTo(10);
    assertThat(postedNow.subList(0, 10)).containsOnly(true);
    assertThat(digestsStarted).as("one digest task per channel and minute").isEqualTo(1);
    assertThat(store.admit("other", "INC-99", 10, T0).postNow())
        .as("each channel has its own rate")
        .isTrue();
    // A repeated line (a task retried) is in the digest once.
    store.admit("team", "INC-10", 10, T0);

    long window = T0.getEpochSecond() / 60 * 60;
    List<String> digest = store.claimDigest("team", window, T0.plusSeconds(65));
    assertThat(digest).hasSize(15).doesNotHaveDuplicates().startsWith("INC-10", "INC-11");
    assertThat(store.claimDigest("team", window, T0.plusSeconds(66)))
        .as("being sent by another delivery")
        .isEmpty();

    // While the digest is out, a late arrival of its minute goes to the next one.
    NotificationStore.Admission late = store.admit("team", "INC-late", 10, T0.plusSeconds(40));
    assertThat(late.postNow()).isTrue();
    assertThat(late.window()).isEqualTo(window + 60);

    store.digestDone("team", window, false);
    assertThat(store.claimDigest("team", window, T0.plusSeconds(70)))
        .as("open again after a failed post")
        .hasSize(15);
    store.digestDone("team", window, true);
    assertThat(store.claimDigest("team", window, T0.plusSeconds(500))).isEmpty();
  }
}
