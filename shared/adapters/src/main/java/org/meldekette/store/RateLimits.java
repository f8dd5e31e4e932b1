package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import java.time.Duration;
import java.time.Instant;
import org.meldekette.domain.Hashes;

/**
 * Counts what clients do per time window, across every instance of a function (an in-memory count
 * would reset with each new instance). A client is known only by the hash of its address; the
 * counts expire through the TTL field.
 */
public final class RateLimits {
  private final Firestore db;

  public RateLimits(Firestore db) {
    this.db = db;
  }

  /**
   * Whether {@code client} has used up {@code limit} in the current {@code window} of {@code
   * scope}.
   */
  public boolean exhausted(String scope, String client, int limit, Duration window, Instant now) {
    DocumentSnapshot doc = FirestoreErrors.await(counter(scope, client, window, now).get());
    Long count = doc.exists() ? doc.getLong("count") : null;
    return count != null && count >= limit;
  }

  /** Counts one more for {@code client} in the current window of {@code scope}. */
  public void count(String scope, String client, Duration window, Instant now) {
    Instant start = windowStart(window, now);
    FirestoreErrors.await(
        counter(scope, client, window, now)
            .set(
                Doc.fields()
                    .put("count", FieldValue.increment(1))
                    .put("scope", scope)
                    .put("expireAt", start.plus(window).plus(Duration.ofHours(1)))
                    .map(),
                SetOptions.merge()));
  }

  /** The seconds until the current window of {@code scope} ends, for Retry-After. */
  public static long secondsLeft(Duration window, Instant now) {
    return Math.max(1, Duration.between(now, windowStart(window, now).plus(window)).toSeconds());
  }

  private DocumentReference counter(String scope, String client, Duration window, Instant now) {
    return db.collection(CollectionNames.RATE_LIMITS)
        .document(
            scope
                + "-"
                + Hashes.sha256(client).substring(0, 32)
                + "-"
                + windowStart(window, now).getEpochSecond());
  }

  private static Instant windowStart(Duration window, Instant now) {
    long seconds = window.toSeconds();
    return Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
  }
}
