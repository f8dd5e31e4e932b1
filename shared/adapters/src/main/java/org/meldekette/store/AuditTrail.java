package org.meldekette.store;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
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
   * incident document).
   */
  public List<AuditVerification.Result> verifyIncident(String incidentId) {
    List<AuditVerification.Result> results = new ArrayList<>();
    results.add(verify(IncidentStore.path(incidentId)));
    for (QueryDocumentSnapshot alert :
        FirestoreErrors.await(
                db.collection(CollectionNames.ALERTS).whereEqualTo("incidentId", incidentId).get())
            .getDocuments()) {
      results.add(verify(alert.getReference().getPath()));
    }
    return results;
  }

  /**
   * Verifies one stream; an event that no longer even reads as an event is where the chain breaks.
   */
  public AuditVerification.Result verify(String subjectPath) {
    DocumentSnapshot subject = FirestoreErrors.await(db.document(subjectPath).get());
    List<QueryDocumentSnapshot> stored = stored(subjectPath);
    List<AuditEvent> events = new ArrayList<>();
    for (QueryDocumentSnapshot document : stored) {
      try {
        events.add(AuditDocuments.event(document));
      } catch (RuntimeException unreadable) {
        return AuditVerification.Result.unreadable(
            subjectPath, stored.size(), events.size() + 1L, document.getId());
      }
    }
    return AuditVerification.verify(subjectPath, events, AuditDocuments.head(subject));
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
