package org.meldekette.intake;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.Report;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.store.AuditDocuments;
import org.meldekette.store.ChangeRecorder;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.DeadlineDocuments;
import org.meldekette.store.FirestoreErrors;
import org.meldekette.store.IdempotencyRecords;
import org.meldekette.store.IncidentDocuments;
import org.meldekette.store.Timestamps;

/**
 * Takes a checked report in: the incident, the report, the reporter's contact (kept apart), the first
 * timeline entry and the idempotency record, all in one batch of {@code create()} writes. One commit and no
 * read on the way in; a repeat meets the existing idempotency record, fails the batch as a whole, and gets
 * the first answer back.
 */
final class ReportIntake {
  static final String IDEMPOTENCY_SCOPE = "report-intake";
  private static final int ID_ATTEMPTS = 3;

  private final Supplier<Firestore> db;
  private final Clock clock;
  private final IncidentIds ids;
  private final Duration idempotencyRetention;
  private final AuditExport audit;
  private final DeadlinePolicy policy;

  ReportIntake(Supplier<Firestore> db, Clock clock, IncidentIds ids, Duration idempotencyRetention,
      AuditExport audit, DeadlinePolicy policy) {
    this.policy = policy;
    this.db = db;
    this.clock = clock;
    this.ids = ids;
    this.idempotencyRetention = idempotencyRetention;
    this.audit = audit;
  }

  /** The receipt for the report: new, or the first one when this is a repeat of a keyed submission. */
  Receipt submit(Report report, String idempotencyKey) {
    Firestore firestore = db.get();
    IdempotencyRecords idempotency = new IdempotencyRecords(firestore, idempotencyRetention);
    Instant now = clock.instant();
    for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
      String incidentId = ids.next();
      Map<String, Object> answer = answer(report, incidentId);
      WriteBatch batch = firestore.batch();
      AuditEvent event = write(firestore, batch, report, incidentId, now);
      if (idempotencyKey != null) {
        idempotency.create(batch, IDEMPOTENCY_SCOPE, idempotencyKey, answer, now);
      }
      try {
        FirestoreErrors.await(batch.commit());
        audit.exportNow(List.of(event));
        return new Receipt(answer, false);
      } catch (RuntimeException e) {
        if (!FirestoreErrors.isAlreadyExists(e)) {
          throw e;
        }
        if (idempotencyKey != null) {
          Optional<Map<String, Object>> first = idempotency.find(IDEMPOTENCY_SCOPE, idempotencyKey);
          if (first.isPresent()) {
            return new Receipt(first.get(), true);
          }
        }
        // Otherwise the random incident ID was taken: draw another.
      }
    }
    throw new IllegalStateException("no free incident ID after " + ID_ATTEMPTS + " attempts");
  }

  /** The writes of one report; gives the audit event, the first of the new incident's chain. */
  private AuditEvent write(Firestore firestore, WriteBatch batch, Report report, String incidentId,
      Instant now) {
    Incident incident = Incident.fromReport(incidentId, report, now);
    DocumentReference incidentDoc = firestore.collection(CollectionNames.INCIDENTS).document(incidentId);
    batch.create(firestore.collection(CollectionNames.REPORTS).document(incidentId), reportFields(report, incidentId, now));
    if (!report.contact().isEmpty()) {
      batch.create(firestore.collection(CollectionNames.REPORTER_CONTACTS).document(incidentId),
          contactFields(report, incidentId, now));
    }
    Change received = new Change("REPORT_RECEIVED", Actor.reporter(incidentId), now, incidentId,
        "Report received (" + report.kind() + ")", null,
        Map.of("phase", incident.phase().name(), "source", incident.source().name()));
    AuditEvent event = new ChangeRecorder(firestore).record(batch, received,
        ChangeRecorder.versionEntryId(incident.version()), incidentDoc, AuditEvent.ChainHead.EMPTY);
    batch.create(incidentDoc, DeadlineDocuments.withDeadlines(
        AuditDocuments.withHead(IncidentDocuments.fields(incident), event.head()),
        policy.deadlines(new IncidentFacts(incident, List.of(), List.of()))));
    return event;
  }

  private static Map<String, Object> reportFields(Report report, String incidentId, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("incidentId", incidentId);
    fields.put("kind", report.kind().name());
    fields.put("title", report.title());
    fields.put("description", report.description());
    fields.put("affectedSystems", report.affectedSystems());
    fields.put("observedAt", Timestamps.of(report.observedAt()));
    fields.put("language", report.language().code());
    fields.put("hasContact", !report.contact().isEmpty());
    fields.put("receivedAt", Timestamps.of(now));
    return fields;
  }

  private static Map<String, Object> contactFields(Report report, String incidentId, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("incidentId", incidentId);
    fields.put("name", report.contact().name());
    fields.put("email", report.contact().email());
    fields.put("language", report.language().code());
    fields.put("receivedAt", Timestamps.of(now));
    return fields;
  }

  private static Map<String, Object> answer(Report report, String incidentId) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("incidentId", incidentId);
    answer.put("message", Acknowledgments.forReport(report, incidentId));
    return answer;
  }

  /** What the reporter gets back; {@code replayed} when a repeat got the first answer. */
  record Receipt(Map<String, Object> answer, boolean replayed) {}
}
