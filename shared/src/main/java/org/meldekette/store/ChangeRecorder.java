package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.UpdateBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.Change;

/**
 * Writes what a {@link Change} leaves behind into the same batch or transaction as the change itself, so a
 * change and its record commit together or not at all: the incident's timeline entry.
 */
public final class ChangeRecorder {
  private final Firestore db;

  public ChangeRecorder(Firestore db) {
    this.db = db;
  }

  /**
   * Records a change under a deterministic entry ID: a redelivered message that makes the same change
   * meets the existing entry and fails its create precondition rather than writing a second one.
   */
  public void record(UpdateBuilder<?> writes, Change change, String entryId) {
    writes.create(timelineEntry(change.incidentId(), entryId), timelineFields(change));
  }

  /** The timeline entry ID of the change that brought an incident to {@code version}: unique per incident. */
  public static String versionEntryId(long version) {
    return String.format("v%06d", version);
  }

  public DocumentReference timelineEntry(String incidentId, String entryId) {
    return db.collection(CollectionNames.INCIDENTS).document(incidentId)
        .collection(CollectionNames.TIMELINE).document(entryId);
  }

  static Map<String, Object> timelineFields(Change change) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", Timestamps.of(change.at()));
    fields.put("type", change.type());
    fields.put("actorKind", change.actor().kind().name());
    fields.put("actorId", change.actor().id());
    fields.put("summary", change.summary());
    fields.put("before", change.before());
    fields.put("after", change.after());
    return fields;
  }
}
