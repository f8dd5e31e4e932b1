package org.meldekette.reminders;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Incident;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.log.StructuredLog;
import org.meldekette.notify.WebhookNotifier;
import org.meldekette.store.AuditDocuments;
import org.meldekette.store.ChangeRecorder;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.Doc;
import org.meldekette.store.FirestoreErrors;
import org.meldekette.store.IncidentDocuments;
import org.meldekette.store.IncidentStore;
import org.meldekette.store.RecordDocuments;
import org.meldekette.store.ReminderRecords;

/**
 * Delivers one reminder task. It re-reads the incident: a deadline already met, or moved since the task was
 * planned, gets nothing. Otherwise it claims the reminder in Firestore, posts it to the channels, and records
 * it (timeline, audit event, the incident's last reminder for the sweep). A task delivered twice sends once:
 * the second delivery finds the reminder sent (or, while the first is still sending, asks to be retried).
 */
final class ReminderDelivery {
  static final Actor SERVICE = Actor.service("deadline-reminder");
  /** A claim older than this is taken to be from a delivery that died half-way; sending again is safer than never. */
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  enum Result { SENT, ALREADY_SENT, NOT_NEEDED, IN_PROGRESS }

  /** Which channels reminders go to: the team always, the escalation channels with overdue escalations. */
  record Channels(List<String> team, List<String> escalation, String linkBase) {}

  private final Supplier<Firestore> db;
  private final DeadlinePolicy policy;
  private final WebhookNotifier notifier;
  private final ReminderScheduler scheduler;
  private final AuditExport audit;
  private final StructuredLog log;
  private final Clock clock;
  private final Channels channels;

  ReminderDelivery(Supplier<Firestore> db, DeadlinePolicy policy, WebhookNotifier notifier, ReminderScheduler scheduler,
      AuditExport audit, StructuredLog log, Clock clock, Channels channels) {
    this.db = db;
    this.policy = policy;
    this.notifier = notifier;
    this.scheduler = scheduler;
    this.audit = audit;
    this.log = log;
    this.clock = clock;
    this.channels = channels;
  }

  /** What a task names. */
  record Request(String incidentId, String regime, String stage, String kind, long dueAt) {
    String key() {
      return incidentId + "-" + regime + "-" + stage + "-" + kind + "-" + dueAt;
    }
  }

  private record Claim(Result result, Deadline.Reminder reminder, List<Deadline> deadlines) {}

  Result deliver(Request request) throws Exception {
    Firestore firestore = db.get();
    Instant now = clock.instant();
    DocumentReference reminderDoc = firestore.collection(CollectionNames.REMINDERS).document(request.key());
    Claim claim = FirestoreErrors.await(firestore.runTransaction(tx -> claim(firestore, tx, request, reminderDoc, now)));
    if (claim.result() != null) {
      return claim.result();
    }
    Deadline.Reminder reminder = claim.reminder();
    List<String> to = new ArrayList<>(channels.team());
    if (reminder.escalates()) {
      to.addAll(channels.escalation());
    }
    String link = channels.linkBase() == null ? null : channels.linkBase() + "/incidents/" + request.incidentId();
    try {
      notifier.send(to, ReminderText.of(request.incidentId(), reminder,
          policy.regimes().name(reminder.deadline().stage().regime()), now, link));
    } catch (Exception e) {
      // Free the reminder for the retry Cloud Tasks makes when this delivery fails.
      FirestoreErrors.await(reminderDoc.delete());
      throw e;
    }
    AuditEvent event = FirestoreErrors.await(firestore.runTransaction(tx -> record(firestore, tx, request, reminder,
        reminderDoc, now)));
    audit.exportNow(List.of(event));
    try {
      scheduler.schedule(request.incidentId(), claim.deadlines(), now); // the next overdue reminder, say
    } catch (Exception e) {
      log.write(StructuredLog.Severity.WARNING, "follow-up reminders left to the sweep",
          Map.of("incidentId", request.incidentId()), Map.of("exception", e.getClass().getName()), null);
    }
    return Result.SENT;
  }

  private Claim claim(Firestore firestore, Transaction tx, Request request, DocumentReference reminderDoc,
      Instant now) {
    DocumentSnapshot incidentDoc = FirestoreErrors.await(tx.get(IncidentStore.reference(firestore, request.incidentId())));
    if (!incidentDoc.exists()) {
      return new Claim(Result.NOT_NEEDED, null, null);
    }
    List<Decision> decisions = FirestoreErrors.await(tx.get(incidentDoc.getReference()
        .collection(CollectionNames.DECISIONS))).getDocuments().stream().map(RecordDocuments::decision).toList();
    List<Communication> communications = FirestoreErrors.await(tx.get(incidentDoc.getReference()
        .collection(CollectionNames.COMMUNICATIONS))).getDocuments().stream().map(RecordDocuments::communication)
        .toList();
    DocumentSnapshot sent = FirestoreErrors.await(tx.get(reminderDoc));
    Incident incident = IncidentDocuments.incident(incidentDoc);
    List<Deadline> deadlines = policy.deadlines(new IncidentFacts(incident, decisions, communications));
    Deadline deadline = deadlines.stream()
        .filter(d -> d.stage().regime().equals(request.regime()) && d.stage().id().equals(request.stage()))
        .findFirst().orElse(null);
    if (deadline == null || !deadline.isOpen() || deadline.dueAt().getEpochSecond() != request.dueAt()) {
      return new Claim(Result.NOT_NEEDED, null, deadlines); // met, moved, or no longer applies
    }
    Deadline.Reminder reminder = deadline.reminder(request.kind());
    if (reminder == null) {
      return new Claim(Result.NOT_NEEDED, null, deadlines);
    }
    if (sent.exists()) {
      if ("SENT".equals(sent.getString("state"))) {
        return new Claim(Result.ALREADY_SENT, reminder, deadlines);
      }
      Instant claimedAt = Doc.of(sent.getData()).instant("claimedAt");
      if (claimedAt != null && claimedAt.plus(STALE_CLAIM).isAfter(now)) {
        return new Claim(Result.IN_PROGRESS, reminder, deadlines);
      }
    }
    tx.set(reminderDoc, Doc.fields().put("state", "SENDING").put("claimedAt", now)
        .put("incidentId", request.incidentId()).put("deadline", deadline.stage().key()).put("kind", request.kind())
        .map());
    return new Claim(null, reminder, deadlines);
  }

  private AuditEvent record(Firestore firestore, Transaction tx, Request request, Deadline.Reminder reminder,
      DocumentReference reminderDoc, Instant now) {
    DocumentReference incident = IncidentStore.reference(firestore, request.incidentId());
    DocumentSnapshot snapshot = FirestoreErrors.await(tx.get(incident));
    Deadline deadline = reminder.deadline();
    Change change = new Change("REMINDER_SENT", SERVICE, now, request.incidentId(),
        (reminder.escalates() ? "Overdue reminder, escalated: " : "Reminder sent: ") + deadline.stage().label()
            + " (due " + deadline.dueAt() + ")",
        null, Map.of("deadline", deadline.stage().key(), "reminder", request.kind(), "dueAt",
            deadline.dueAt().toString(), "escalated", reminder.escalates()));
    AuditEvent event = AuditEvent.next(incident.getPath(), AuditDocuments.head(snapshot), change);
    new ChangeRecorder(firestore).write(tx, event, change, "reminder-" + request.key());
    tx.set(reminderDoc, Doc.fields().put("state", "SENT").put("sentAt", now).put("incidentId", request.incidentId())
        .put("deadline", deadline.stage().key()).put("kind", request.kind()).map());
    // Reminders do not change the incident's version: a reminder must not invalidate anyone's If-Match.
    tx.update(incident, FieldPath.of("auditSequence"), event.sequence(), FieldPath.of("auditHash"), event.hash(),
        FieldPath.of(ReminderRecords.SENT_FIELD, deadline.stage().key()), request.key());
    return event;
  }
}
