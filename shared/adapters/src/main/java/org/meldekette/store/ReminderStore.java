package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.deadline.ReminderRef;

/**
 * The reminders sent, in {@code reminders/{key}}: a reminder is claimed before it is sent and
 * recorded after, so a task delivered twice sends once. Recording it adds the incident's timeline
 * entry and audit event and notes the last reminder per deadline on the incident (for the sweep),
 * without changing its version.
 */
public final class ReminderStore {
  /**
   * A claim older than this is taken to be from a delivery that died half-way; sending again is
   * safer than never.
   */
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  private final Supplier<Firestore> db;
  private final DeadlinePolicy policy;
  private final CommitListener listener;

  public ReminderStore(Supplier<Firestore> db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.policy = policy;
    this.listener = listener;
  }

  public enum ClaimStatus {
    CLAIMED,
    ALREADY_SENT,
    NOT_NEEDED,
    IN_PROGRESS
  }

  /**
   * The outcome of a claim: the reminder to send (when claimed), and the incident's deadlines as
   * they stand (null when the incident is gone), for queuing what follows.
   */
  public record Claim(ClaimStatus status, Deadline.Reminder reminder, List<Deadline> deadlines) {}

  /**
   * Re-reads the incident and claims the reminder: nothing is claimed when the deadline is met,
   * moved or no longer applies, when the reminder was sent, or while another delivery is sending
   * it.
   */
  public Claim claim(ReminderRef ref, Instant now) {
    Firestore firestore = db.get();
    DocumentReference reminderDoc = reference(firestore, ref);
    return FirestoreErrors.await(
        firestore.runTransaction(tx -> claim(firestore, tx, ref, reminderDoc, now)));
  }

  private Claim claim(
      Firestore firestore,
      Transaction tx,
      ReminderRef ref,
      DocumentReference reminderDoc,
      Instant now) {
    DocumentSnapshot incidentDoc =
        FirestoreErrors.await(tx.get(IncidentStore.reference(firestore, ref.incidentId())));
    if (!incidentDoc.exists()) {
      return new Claim(ClaimStatus.NOT_NEEDED, null, null);
    }
    DocumentReference incidentRef = incidentDoc.getReference();
    IncidentRecords copied = RecordCopies.read(incidentDoc);
    IncidentRecords records =
        copied != null
            ? copied
            : new IncidentRecords(
                RecordReads.measures(tx, incidentRef),
                0,
                RecordReads.decisions(tx, incidentRef),
                List.of(),
                RecordReads.communications(tx, incidentRef));
    DocumentSnapshot sent = FirestoreErrors.await(tx.get(reminderDoc));
    Incident incident = IncidentDocuments.incident(incidentDoc);
    List<Deadline> deadlines = policy.deadlines(new IncidentFacts(incident, records));
    Deadline.Reminder reminder = ref.find(deadlines);
    if (reminder == null) {
      return new Claim(ClaimStatus.NOT_NEEDED, null, deadlines);
    }
    if (sent.exists()) {
      if ("SENT".equals(sent.getString("state"))) {
        return new Claim(ClaimStatus.ALREADY_SENT, reminder, deadlines);
      }
      Instant claimedAt = Doc.of(sent.getData()).instant("claimedAt");
      if (claimedAt != null && claimedAt.plus(STALE_CLAIM).isAfter(now)) {
        return new Claim(ClaimStatus.IN_PROGRESS, reminder, deadlines);
      }
    }
    tx.set(
        reminderDoc,
        Doc.fields()
            .put("state", "SENDING")
            .put("claimedAt", now)
            .put("incidentId", ref.incidentId())
            .put("deadline", reminder.deadline().key())
            .put("kind", ref.kind())
            .map());
    return new Claim(ClaimStatus.CLAIMED, reminder, deadlines);
  }

  /** Frees a claimed reminder whose sending failed, for the retry Cloud Tasks makes. */
  public void release(ReminderRef ref) {
    FirestoreErrors.await(reference(db.get(), ref).delete());
  }

  /**
   * Records a claimed reminder as sent: timeline, audit event, and the incident's last reminder of
   * the deadline.
   */
  public void recordSent(ReminderRef ref, Deadline.Reminder reminder, Actor actor, Instant now) {
    Firestore firestore = db.get();
    IncidentWrites incidents = new IncidentWrites(firestore, policy);
    DocumentReference reminderDoc = reference(firestore, ref);
    AuditEvent event =
        FirestoreErrors.await(
            firestore.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(incidents.reference(ref.incidentId())));
                  String deadline = reminder.deadline().key();
                  Map<String, Object> sentNow = ReminderRecords.sent(incident);
                  sentNow.put(deadline, ref.key());
                  Instant nextReminder =
                      DeadlinePolicy.nextReminder(incidents.storedDeadlines(incident), sentNow)
                          .orElse(null);
                  Map<FieldPath, Object> bookkeeping = new LinkedHashMap<>();
                  bookkeeping.put(FieldPath.of(ReminderRecords.SENT_FIELD, deadline), ref.key());
                  bookkeeping.put(
                      FieldPath.of(DeadlineDocuments.NEXT_REMINDER), Timestamps.of(nextReminder));
                  AuditEvent recorded =
                      incidents.aside(
                          tx,
                          incident,
                          reminder.sent(ref.incidentId(), actor, now),
                          "reminder-" + ref.key(),
                          bookkeeping);
                  tx.set(
                      reminderDoc,
                      Doc.fields()
                          .put("state", "SENT")
                          .put("sentAt", now)
                          .put("incidentId", ref.incidentId())
                          .put("deadline", deadline)
                          .put("kind", ref.kind())
                          .map());
                  return recorded;
                }));
    listener.committed(Committed.events(event));
  }

  /**
   * The incidents whose next open deadline falls due before {@code cutoff}, for the sweep: one
   * indexed query, reading only those incidents however many are open.
   */
  public List<ReminderRecords.DueIncident> dueBefore(Instant cutoff, int limit) {
    return ReminderRecords.dueBefore(db.get(), policy.regimes(), cutoff, limit);
  }

  private static DocumentReference reference(Firestore firestore, ReminderRef ref) {
    return firestore.collection(CollectionNames.REMINDERS).document(ref.key());
  }
}
