package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.UpdateBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.lifecycle.Outcome;

/**
 * The one place an incident document is written. Whoever opens or changes an incident (staff
 * through the lifecycle, a report, an alert, a reminder, a test seed) comes through here, so the
 * document always carries its deadlines and the head of its audit chain, and the change its
 * timeline entry and audit event, in the same batch or transaction as the change itself.
 */
final class IncidentWrites {
  private final Firestore db;
  private final DeadlinePolicy policy;
  private final ChangeRecorder recorder;

  IncidentWrites(Firestore db, DeadlinePolicy policy) {
    this.db = db;
    this.policy = policy;
    this.recorder = new ChangeRecorder(db);
  }

  DeadlinePolicy policy() {
    return policy;
  }

  /** The deadlines an incident document carries, as the regimes switched on know them. */
  List<Deadline> storedDeadlines(DocumentSnapshot incident) {
    return DeadlineDocuments.deadlines(incident, policy.regimes());
  }

  DocumentReference reference(String incidentId) {
    return IncidentStore.reference(db, incidentId);
  }

  /**
   * Opens an incident: its document (a create, so a drawn ID that is taken fails the commit) and
   * the change that opened it, the first event of the incident's own chain.
   */
  AuditEvent open(UpdateBuilder<?> writes, Outcome opened) {
    Incident incident = opened.incident();
    DocumentReference ref = reference(incident.id());
    AuditEvent event =
        recorder.record(
            writes,
            opened.change(),
            ChangeRecorder.versionEntryId(incident.version()),
            ref,
            AuditEvent.ChainHead.EMPTY);
    writes.create(
        ref, document(incident, event.head(), openingDeadlines(incident), null, NO_RECORDS));
    return event;
  }

  /**
   * Opens an incident whose opening is recorded on another chain (the alert that opened it keeps
   * its own, so a storm does not contend on the incident): the document alone.
   */
  void openRecordedElsewhere(UpdateBuilder<?> writes, Incident incident) {
    writes.create(
        reference(incident.id()),
        document(incident, null, openingDeadlines(incident), null, NO_RECORDS));
  }

  private static final Map<String, Object> NO_RECORDS =
      RecordCopies.fields(IncidentRecords.NONE, List.of());

  /** The deadlines of an incident that has no records beside it yet. */
  List<Deadline> openingDeadlines(Incident incident) {
    return policy.deadlines(new IncidentFacts(incident, IncidentRecords.NONE));
  }

  /**
   * The event a change of the incident read as {@code before} makes: the next of the incident's
   * chain.
   */
  static AuditEvent eventFor(DocumentSnapshot before, Change change) {
    return AuditEvent.next(before.getReference().getPath(), AuditDocuments.head(before), change);
  }

  /**
   * The incident as a change left it, in the transaction that read it as {@code before}: the
   * document with the new version, deadlines and chain head ({@code event}, from {@link
   * #eventFor}), the event and the timeline entry of the new version. The reminder bookkeeping
   * stays as it was.
   */
  void change(
      Transaction tx,
      DocumentSnapshot before,
      Outcome outcome,
      AuditEvent event,
      List<Deadline> deadlines,
      Map<String, Object> records) {
    recorder.write(
        tx, event, outcome.change(), ChangeRecorder.versionEntryId(outcome.incident().version()));
    tx.set(
        before.getReference(),
        document(
            outcome.incident(), event.head(), deadlines, ReminderRecords.sent(before), records));
  }

  /**
   * A change that leaves the incident's state and version alone (a reminder sent must not
   * invalidate anyone's If-Match): its event and timeline entry under {@code entryId}, the chain's
   * new head, and {@code also}.
   */
  AuditEvent aside(
      Transaction tx,
      DocumentSnapshot incident,
      Change change,
      String entryId,
      Map<FieldPath, Object> also) {
    AuditEvent event = eventFor(incident, change);
    recorder.write(tx, event, change, entryId);
    List<Object> updates =
        new ArrayList<>(List.of(FieldPath.of(AuditDocuments.HEAD_HASH), event.hash()));
    also.forEach(
        (field, value) -> {
          updates.add(field);
          updates.add(value);
        });
    tx.update(
        incident.getReference(),
        FieldPath.of(AuditDocuments.HEAD_SEQUENCE),
        event.sequence(),
        updates.toArray());
    return event;
  }

  /**
   * @param head null for a document without a chain of its own; @param sentReminders null for a new
   *     incident; @param records the copy of its records ({@link RecordCopies})
   */
  private static Map<String, Object> document(
      Incident incident,
      AuditEvent.ChainHead head,
      List<Deadline> deadlines,
      Map<String, Object> sentReminders,
      Map<String, Object> records) {
    Map<String, Object> fields = IncidentDocuments.fields(incident);
    fields.put(RecordCopies.FIELD, records);
    if (head != null) {
      AuditDocuments.withHead(fields, head);
    }
    DeadlineDocuments.withDeadlines(
        fields, deadlines, sentReminders == null ? Map.of() : sentReminders);
    if (sentReminders != null) {
      fields.put(ReminderRecords.SENT_FIELD, sentReminders);
    }
    return fields;
  }
}
