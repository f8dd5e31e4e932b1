package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  /** At most {@code limit} per {@code window}, as a client's budget of one kind of request. */
  public record Budget(int limit, Duration window) {
    public Budget {
      if (limit < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a budget allows at least one per a positive window");
      }
    }

    /** {@code 5/PT10M,30/P1D}: the budgets a setting names. */
    public static List<Budget> parse(String setting) {
      List<Budget> budgets = new ArrayList<>();
      for (String part : setting.split(",")) {
        String[] fields = part.strip().split("/");
        if (fields.length != 2) {
          throw new IllegalArgumentException("a budget is LIMIT/ISO-8601-DURATION: " + part);
        }
        budgets.add(
            new Budget(Integer.parseInt(fields[0].strip()), Duration.parse(fields[1].strip())));
      }
      return List.copyOf(budgets);
    }
  }

  /**
   * Takes one from each of {@code client}'s budgets of {@code scope}, all or none. Each budget is
   * {@code limit} numbered slots per window, each a document created once: concurrent requests of
   * one client can never together take more slots than there are (a create of a taken slot fails),
   * and no request waits on another's lock. A counter beside the slots lets a client over its
   * budget be refused after one read.
   *
   * @return empty when taken; otherwise the seconds until the client may try again (the end of the
   *     window whose budget is used up)
   */
  public OptionalLong take(String scope, String client, List<Budget> budgets, Instant now) {
    List<DocumentReference> taken = new ArrayList<>();
    for (Budget budget : budgets) {
      Optional<DocumentReference> slot = slot(scope, client, budget, now);
      if (slot.isEmpty()) {
        // All or none: give back what this request took of the other budgets.
        taken.forEach(ref -> FirestoreErrors.await(ref.delete()));
        return OptionalLong.of(secondsLeft(budget.window(), now));
      }
      taken.add(slot.get());
    }
    return OptionalLong.empty();
  }

  private Optional<DocumentReference> slot(
      String scope, String client, Budget budget, Instant now) {
    DocumentReference counter = counter(scope, client, budget.window(), now);
    DocumentSnapshot count = FirestoreErrors.await(counter.get());
    Long used = count.exists() ? count.getLong("count") : null;
    Instant expire =
        windowStart(budget.window(), now).plus(budget.window()).plus(Duration.ofHours(1));
    for (long n = used == null ? 1 : used + 1; n <= budget.limit(); n++) {
      DocumentReference ref =
          db.collection(CollectionNames.RATE_LIMITS).document(counter.getId() + "-" + n);
      try {
        FirestoreErrors.await(
            ref.create(Doc.fields().put("scope", scope).put("expireAt", expire).map()));
      } catch (RuntimeException e) {
        if (FirestoreErrors.isAlreadyExists(e)) {
          continue; // taken by a request racing this one: try the next slot
        }
        throw e;
      }
      FirestoreErrors.await(
          counter.set(
              Doc.fields()
                  .put("count", FieldValue.increment(1))
                  .put("scope", scope)
                  .put("expireAt", expire)
                  .map(),
              SetOptions.merge()));
      return Optional.of(ref);
    }
    return Optional.empty();
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
