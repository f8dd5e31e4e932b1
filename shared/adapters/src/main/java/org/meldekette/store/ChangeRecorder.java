package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.UpdateBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;

/**
 * Writes what a {@link Change} leaves behind into the same batch or transaction as the change
 * itself, so a change and its records commit together or not at all: exactly one audit event,
 * chained onto its subject's stream, and the incident's timeline entry when the change concerns an
 * incident.
 */
final class ChangeRecorder {
  private final Firestore db;

  ChangeRecorder(Firestore db) {
    this.db = db;
  }

  /**
   * Records a change to {@code subject}, whose stream stood at {@code head}. The caller writes the
   * returned event's head into the subject document in the same commit. Both writes are creates
   * under deterministic IDs: a redelivered message that makes the same change fails their
   * preconditions instead of writing twice.
   *
   * @param timelineEntryId the incident's timeline entry ID for this change
   */
  public AuditEvent record(
      UpdateBuilder<?> writes,
      Change change,
      String timelineEntryId,
      DocumentReference subject,
      AuditEvent.ChainHead head) {
    AuditEvent event = AuditEvent.next(subject.getPath(), head, change);
    write(writes, event, change, timelineEntryId);
    return event;
  }

  /**
   * Records a change on its subject's chain only: for a change whose timeline entries the caller
   * writes itself.
   */
  public AuditEvent recordOnChain(
      UpdateBuilder<?> writes,
      Change change,
      DocumentReference subject,
      AuditEvent.ChainHead head) {
    AuditEvent event = AuditEvent.next(subject.getPath(), head, change);
    writeAudit(writes, event);
    return event;
  }

  /**
   * Writes an event already chained with {@link AuditEvent#next} and the change's timeline entry.
   */
  public void write(
      UpdateBuilder<?> writes, AuditEvent event, Change change, String timelineEntryId) {
    writeAudit(writes, event);
    if (change.incidentId() != null) {
      writeTimeline(writes, change, timelineEntryId);
    }
  }

  /** The audit event alone, for a change whose timeline entries the caller writes itself. */
  public void writeAudit(UpdateBuilder<?> writes, AuditEvent event) {
    writes.create(
        db.collection(CollectionNames.AUDIT_EVENTS).document(event.id()),
        AuditDocuments.fields(event));
  }

  /** One timeline entry of the change's incident under a deterministic ID. */
  public void writeTimeline(UpdateBuilder<?> writes, Change change, String entryId) {
    writes.create(timelineEntry(change.incidentId(), entryId), timelineFields(change));
  }

  /**
   * The timeline entry ID of the change that brought an incident to {@code version}: unique per
   * incident.
   */
  public static String versionEntryId(long version) {
    return String.format("v%06d", version);
  }

  public DocumentReference timelineEntry(String incidentId, String entryId) {
    return db.collection(CollectionNames.INCIDENTS)
        .document(incidentId)
        .collection(CollectionNames.TIMELINE)
        .document(entryId);
  }

  static Map<String, Object> timelineFields(Change change) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", Timestamps.of(change.at()));
    fields.put("type", change.type().name());
    fields.put("actorKind", change.actor().kind().name());
    fields.put("actorId", change.actor().id());
    fields.put("actorRole", change.actor().role());
    fields.put("summary", change.summary());
    fields.put("before", change.before());
    fields.put("after", change.after());
    return fields;
  }
}
