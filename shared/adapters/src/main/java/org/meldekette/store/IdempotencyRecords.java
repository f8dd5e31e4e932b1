package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.UpdateBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.Hashes;

/**
 * The first answer to a request that carried an idempotency key, kept so that a repeat gets the
 * same answer and changes nothing. Created in the same batch as the change it answers for: either
 * both exist or neither. Records expire through Firestore's TTL on {@code expireAt}.
 */
public final class IdempotencyRecords {
  private final Firestore db;
  private final Duration retention;

  public IdempotencyRecords(Firestore db, Duration retention) {
    this.db = db;
    this.retention = retention;
  }

  /**
   * The record's document: the key is hashed, so a client's key never becomes part of a document
   * path.
   */
  public DocumentReference reference(String scope, String key) {
    return db.collection(CollectionNames.IDEMPOTENCY).document(scope + "-" + Hashes.sha256(key));
  }

  public void create(
      UpdateBuilder<?> writes, String scope, String key, Map<String, Object> answer, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("scope", scope);
    fields.put("answer", answer);
    fields.put("createdAt", Timestamps.of(now));
    fields.put("expireAt", Timestamps.of(now.plus(retention)));
    writes.create(reference(scope, key), fields);
  }

  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> find(String scope, String key) {
    DocumentSnapshot snapshot = FirestoreErrors.await(reference(scope, key).get());
    return snapshot.exists()
        ? Optional.of((Map<String, Object>) snapshot.get("answer"))
        : Optional.empty();
  }
}
