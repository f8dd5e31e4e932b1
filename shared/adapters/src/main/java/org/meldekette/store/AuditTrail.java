package org.meldekette.store;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.AuditVerification;

/**
 * Reads audit streams back and verifies their hash chains against the heads their subjects record.
 */
public final class AuditTrail {
  private final Firestore db;

  public AuditTrail(Firestore db) {
    this.db = db;
  }

  /**
   * The stream of {@code subjectPath} (such as {@code incidents/INC-…}) in stored sequence order.
   */
  public List<AuditEvent> events(String subjectPath) {
    return stored(subjectPath).stream().map(AuditDocuments::event).toList();
  }

  /**
   * Every audit event about an incident, from its own stream and its alerts' streams, in time
   * order.
   */
  public List<AuditEvent> eventsOfIncident(String incidentId) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.AUDIT_EVENTS)
                .whereEqualTo("incidentId", incidentId)
                .orderBy("at")
                .orderBy(FieldPath.documentId())
                .get())
        .getDocuments()
        .stream()
        .map(AuditDocuments::event)
        .toList();
  }

  /**
   * Verifies every stream that tells an incident's story: its own, and that of each alert that
   * opened or joined it (alerts keep their own chains, so an alert storm never queues behind the
   * incident document). Everything is read in one snapshot, so a change committed meanwhile never
   * shows as a broken chain; the streams are read at the same time.
   */
  public List<AuditVerification.Result> verifyIncident(String incidentId) {
    return inOneSnapshot(
        tx -> {
          ApiFuture<QuerySnapshot> alerts =
              tx.get(db.collection(CollectionNames.ALERTS).whereEqualTo("incidentId", incidentId));
          List<StreamRead> reads = new ArrayList<>();
          reads.add(read(tx, IncidentStore.path(incidentId)));
          for (QueryDocumentSnapshot alert : alerts.get().getDocuments()) {
            reads.add(read(tx, alert.getReference().getPath()));
          }
          List<AuditVerification.Result> results = new ArrayList<>();
          for (StreamRead read : reads) {
            results.add(read.verify());
          }
          return results;
        });
  }

  /** Verifies one stream, its events and the head its subject records read in one snapshot. */
  public AuditVerification.Result verify(String subjectPath) {
    return inOneSnapshot(tx -> read(tx, subjectPath).verify());
  }

  private <T> T inOneSnapshot(Transaction.Function<T> reads) {
    return FirestoreErrors.await(
        db.runTransaction(reads, TransactionOptions.createReadOnlyOptionsBuilder().build()));
  }

  private StreamRead read(Transaction tx, String subjectPath) {
    return new StreamRead(
        subjectPath,
        tx.get(db.document(subjectPath)),
        tx.get(
            db.collection(CollectionNames.AUDIT_EVENTS)
                .whereEqualTo("stream", subjectPath)
                .orderBy("sequence")));
  }

  /** A stream's subject and events, requested; verified once both have arrived. */
  private record StreamRead(
      String subjectPath, ApiFuture<DocumentSnapshot> subject, ApiFuture<QuerySnapshot> events) {

    /** An event that no longer even reads as an event is where the chain breaks. */
    AuditVerification.Result verify() throws InterruptedException, ExecutionException {
      List<QueryDocumentSnapshot> stored = events.get().getDocuments();
      List<AuditEvent> read = new ArrayList<>();
      for (QueryDocumentSnapshot document : stored) {
        try {
          read.add(AuditDocuments.event(document));
        } catch (RuntimeException unreadable) {
          return AuditVerification.Result.unreadable(
              subjectPath, stored.size(), read.size() + 1L, document.getId());
        }
      }
      return AuditVerification.verify(subjectPath, read, AuditDocuments.head(subject.get()));
    }
  }

  private List<QueryDocumentSnapshot> stored(String subjectPath) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.AUDIT_EVENTS)
                .whereEqualTo("stream", subjectPath)
                .orderBy("sequence")
                .get())
        .getDocuments();
  }
}
