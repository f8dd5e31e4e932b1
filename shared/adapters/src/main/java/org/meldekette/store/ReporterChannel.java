package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Incident;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.deadline.DeadlinePolicy;

/**
 * The reporter's side of a report: which incident a receipt code opens (the code is stored only as
 * its hash), what the reporter sees of it, and what they add. The team's side — messages to the
 * reporter — goes through the incident's transaction like every other communication.
 */
public final class ReporterChannel {
  private final Firestore db;
  private final IncidentQueries incidents;
  private final IncidentWrites writes;
  private final CommitListener listener;

  public ReporterChannel(Firestore db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.incidents = new IncidentQueries(db, policy);
    this.writes = new IncidentWrites(db, policy);
    this.listener = listener;
  }

  /** Registers a receipt code for a new incident, in the batch that opens it. */
  static void register(
      WriteBatch batch, Firestore db, ReceiptCode code, String incidentId, Instant now) {
    batch.create(
        access(db, code), Doc.fields().put("incidentId", incidentId).put("createdAt", now).map());
  }

  /** The incident a receipt code opens; empty for any code that opens none. */
  public Optional<String> incidentFor(ReceiptCode code) {
    DocumentSnapshot access = FirestoreErrors.await(access(db, code).get());
    return access.exists() ? Optional.ofNullable(access.getString("incidentId")) : Optional.empty();
  }

  /** What the reporter's status page shows: the incident (for its status) and the messages. */
  public record Status(Incident incident, List<ReporterMessage> messages) {}

  public Status status(String incidentId) {
    return new Status(incidents.get(incidentId), incidents.reporterMessages(incidentId));
  }

  /**
   * Appends the reporter's message, with a timeline entry and audit event (its length, never its
   * text), leaving the incident's version alone so nobody's If-Match goes stale. A message whose ID
   * exists already (a repeated submission) is not added again: the one stored is given back.
   */
  /** Whether the incident has the message {@code messageId} already. */
  public boolean hasMessage(String incidentId, String messageId) {
    return FirestoreErrors.await(
            IncidentStore.reference(db, incidentId)
                .collection(CollectionNames.REPORTER_MESSAGES)
                .document(messageId)
                .get())
        .exists();
  }

  public ReporterMessage answer(String incidentId, ReporterMessage message) {
    DocumentReference ref =
        writes
            .reference(incidentId)
            .collection(CollectionNames.REPORTER_MESSAGES)
            .document(message.id());
    Appended appended =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(writes.reference(incidentId)));
                  if (!incident.exists()) {
                    throw new NotFound("no incident " + incidentId);
                  }
                  DocumentSnapshot existing = FirestoreErrors.await(tx.get(ref));
                  if (existing.exists()) {
                    return new Appended(ReporterMessageDocuments.read(existing), null);
                  }
                  tx.create(ref, ReporterMessageDocuments.fields(message));
                  AuditEvent event =
                      writes.aside(
                          tx,
                          incident,
                          message.received(incidentId),
                          "reporter-message-" + message.id(),
                          Map.of());
                  return new Appended(message, event);
                }));
    if (appended.event() != null) {
      listener.committed(Committed.events(appended.event()));
    }
    return appended.message();
  }

  private record Appended(ReporterMessage message, AuditEvent event) {}

  private static DocumentReference access(Firestore db, ReceiptCode code) {
    return db.collection(CollectionNames.REPORTER_ACCESS).document(code.hash());
  }
}
