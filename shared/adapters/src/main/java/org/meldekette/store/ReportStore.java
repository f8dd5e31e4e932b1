package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReporterContact;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.lifecycle.Openings;
import org.meldekette.domain.lifecycle.Outcome;

/**
 * Reports from the public form: the incident a report opens, what the reporter wrote, their contact
 * (kept apart, need-to-know) and the idempotency record, all in one batch of {@code create()}
 * writes. One commit and no read on the way in; a repeat meets the existing idempotency record,
 * fails the batch as a whole, and gets the first answer back.
 */
public final class ReportStore {
  public static final String IDEMPOTENCY_SCOPE = "report-intake";
  private static final int ID_ATTEMPTS = 3;

  private final Firestore db;
  private final IncidentWrites incidents;
  private final CommitListener listener;
  private final DeadlinePolicy policy;

  public ReportStore(Firestore db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.policy = policy;
    this.incidents = new IncidentWrites(db, policy);
    this.listener = listener;
  }

  /** What the reporter gets back; {@code replayed} when a repeat got the first answer. */
  public record Receipt(Map<String, Object> answer, boolean replayed) {}

  /**
   * Takes a checked report in under a fresh incident ID and gives the receipt, or the first receipt
   * again for a repeat of a keyed submission.
   *
   * @param held whether the report comes beyond the system-wide rate: it is kept, its clocks wait
   *     for a responder to screen it in
   * @param code the receipt code for the reporter's status page: only its hash is stored
   * @param idempotencyRetention how long a repeat gets the first receipt
   * @param answer the receipt for the incident ID drawn, stored with the idempotency record; its
   *     {@code receiptCode} is stored only sealed with the idempotency key, so a repeat after a
   *     lost answer shows the code once more and nothing stored shows it to anyone else
   */
  public Receipt submit(
      Report report,
      boolean held,
      ReceiptCode code,
      String idempotencyKey,
      Duration idempotencyRetention,
      IncidentIds ids,
      Instant now,
      Function<String, Map<String, Object>> answer) {
    return submit(
        report, held, code, idempotencyKey, idempotencyRetention, ids, now, answer, (b, id) -> {});
  }

  /** What else a report's commit writes, given the incident ID drawn (a mail's record, say). */
  @FunctionalInterface
  interface Also {
    void write(WriteBatch batch, String incidentId);
  }

  Receipt submit(
      Report report,
      boolean held,
      ReceiptCode code,
      String idempotencyKey,
      Duration idempotencyRetention,
      IncidentIds ids,
      Instant now,
      Function<String, Map<String, Object>> answer,
      Also also) {
    IdempotencyRecords idempotency = new IdempotencyRecords(db, idempotencyRetention);
    for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
      String incidentId = ids.next();
      Map<String, Object> receipt = answer.apply(incidentId);
      Outcome opened = Openings.reportReceived(incidentId, report, held, now);
      WriteBatch batch = db.batch();
      AuditEvent event = incidents.open(batch, opened);
      batch.create(
          db.collection(CollectionNames.REPORTS).document(incidentId),
          reportFields(report, incidentId, now));
      if (!report.contact().isEmpty()) {
        batch.create(
            db.collection(CollectionNames.REPORTER_CONTACTS).document(incidentId),
            contactFields(report, incidentId, now));
      }
      ReporterChannel.register(batch, db, code, incidentId, now);
      also.write(batch, incidentId);
      if (idempotencyKey != null) {
        idempotency.create(
            batch,
            IDEMPOTENCY_SCOPE,
            idempotencyKey,
            SealedCode.sealed(receipt, idempotencyKey),
            now);
      }
      try {
        FirestoreErrors.await(batch.commit());
      } catch (RuntimeException e) {
        if (!FirestoreErrors.isAlreadyExists(e)) {
          throw e;
        }
        if (idempotencyKey != null) {
          Optional<Map<String, Object>> first = idempotency.find(IDEMPOTENCY_SCOPE, idempotencyKey);
          if (first.isPresent()) {
            return new Receipt(SealedCode.unsealed(first.get(), idempotencyKey), true);
          }
        }
        continue; // the random incident ID was taken: draw another
      }
      listener.committed(
          new Committed(
              List.of(event),
              opened.incident(),
              true,
              incidents.openingDeadlines(opened.incident()),
              true));
      return new Receipt(receipt, false);
    }
    throw new IllegalStateException("no free incident ID after " + ID_ATTEMPTS + " attempts");
  }

  /**
   * How many reports came in since {@code since}, counted by the server (no hot counter document):
   * whether a surge is under way.
   */
  public long receivedSince(Instant since) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.REPORTS)
                .whereGreaterThanOrEqualTo("receivedAt", Timestamps.of(since))
                .count()
                .get())
        .getCount();
  }

  /**
   * The report as it was received, when a repeat of a keyed submission finds one: the first answer
   * is given again before any limit is counted.
   */
  public Optional<Map<String, Object>> firstAnswer(String idempotencyKey, Duration retention) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return new IdempotencyRecords(db, retention)
        .find(IDEMPOTENCY_SCOPE, idempotencyKey)
        .map(first -> SealedCode.unsealed(first, idempotencyKey));
  }

  /**
   * What the reporter wrote, as they wrote it, without their contact; empty for an incident no
   * report opened.
   */
  public Optional<Map<String, Object>> report(String incidentId) {
    DocumentSnapshot report =
        FirestoreErrors.await(db.collection(CollectionNames.REPORTS).document(incidentId).get());
    if (!report.exists()) {
      return Optional.empty();
    }
    Doc d = Doc.of(report.getData());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kind", d.string("kind"));
    view.put("title", d.string("title"));
    view.put("description", d.string("description"));
    view.put("affectedSystems", d.strings("affectedSystems"));
    view.put("observedAt", d.instant("observedAt"));
    view.put("language", d.string("language"));
    view.put("hasContact", d.bool("hasContact"));
    view.put("receivedAt", d.instant("receivedAt"));
    return Optional.of(view);
  }

  /**
   * The reporter's contact, read by {@code reader}: every read is recorded in the incident's
   * timeline and audit trail in the same transaction (who and when, never what), without changing
   * the incident's version. Empty when the reporter left none.
   */
  public Optional<ReporterContact> contact(String incidentId, Actor reader, Instant now) {
    IncidentWrites incidents = new IncidentWrites(db, policy);
    DocumentReference contactRef =
        db.collection(CollectionNames.REPORTER_CONTACTS).document(incidentId);
    Read read =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(incidents.reference(incidentId)));
                  if (!incident.exists()) {
                    throw new NotFound("no incident " + incidentId);
                  }
                  DocumentSnapshot contact = FirestoreErrors.await(tx.get(contactRef));
                  if (!contact.exists()) {
                    return new Read(null, null);
                  }
                  Doc d = Doc.of(contact.getData());
                  AuditEvent event =
                      incidents.aside(
                          tx,
                          incident,
                          ReporterContact.read(incidentId, reader, now),
                          "contact-read-"
                              + now.toEpochMilli()
                              + "-"
                              + Hashes.sha256(reader.id()).substring(0, 8),
                          Map.of());
                  return new Read(new ReporterContact(d.string("name"), d.string("email")), event);
                }));
    if (read.event() != null) {
      listener.committed(Committed.events(read.event()));
    }
    return Optional.ofNullable(read.contact());
  }

  private record Read(ReporterContact contact, AuditEvent event) {}

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
}
