package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.LegalHold;
import org.meldekette.domain.NotFound;

/**
 * Legal holds in {@code legal-holds/{id}}. Each hold keeps its own audit chain: placing and
 * releasing it are its events (and, when it belongs to an incident, entries of that incident's
 * timeline).
 */
public final class LegalHoldStore {
  private final Firestore db;
  private final CommitListener listener;

  public LegalHoldStore(Firestore db, CommitListener listener) {
    this.db = db;
    this.listener = listener;
  }

  public void place(LegalHold hold, Actor actor) {
    DocumentReference ref = db.collection(CollectionNames.LEGAL_HOLDS).document(hold.id());
    WriteBatch batch = db.batch();
    AuditEvent event =
        new ChangeRecorder(db)
            .record(
                batch,
                hold.placed(actor),
                "hold-" + hold.id() + "-placed",
                ref,
                AuditEvent.ChainHead.EMPTY);
    batch.create(ref, AuditDocuments.withHead(fields(hold), event.head()));
    FirestoreErrors.await(batch.commit());
    listener.committed(Committed.events(event));
  }

  /** Releases a hold in one transaction; releasing twice is a conflict, not a second event. */
  public LegalHold release(String holdId, Actor actor, java.time.Instant at, String justification) {
    DocumentReference ref = db.collection(CollectionNames.LEGAL_HOLDS).document(holdId);
    Released result =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot snapshot = FirestoreErrors.await(tx.get(ref));
                  if (!snapshot.exists()) {
                    throw new NotFound("no legal hold " + holdId);
                  }
                  LegalHold released = hold(snapshot).released(actor.id(), at, justification);
                  AuditEvent event =
                      new ChangeRecorder(db)
                          .record(
                              tx,
                              released.releasedBy(actor),
                              "hold-" + holdId + "-released",
                              ref,
                              AuditDocuments.head(snapshot));
                  tx.set(ref, AuditDocuments.withHead(fields(released), event.head()));
                  return new Released(released, event);
                }));
    listener.committed(Committed.events(result.event()));
    return result.hold();
  }

  private record Released(LegalHold hold, AuditEvent event) {}

  /** The holds that stand for a subject: one equality query on (subject, active). */
  public List<LegalHold> active(String subject) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.LEGAL_HOLDS)
                .whereEqualTo("subject", subject)
                .whereEqualTo("active", true)
                .get())
        .getDocuments()
        .stream()
        .map(LegalHoldStore::hold)
        .toList();
  }

  public List<LegalHold> all(String subject) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.LEGAL_HOLDS).whereEqualTo("subject", subject).get())
        .getDocuments()
        .stream()
        .map(LegalHoldStore::hold)
        .toList();
  }

  static Map<String, Object> fields(LegalHold h) {
    return Doc.fields()
        .put("id", h.id())
        .put("subject", h.subject())
        .put("reason", h.reason())
        .put("reasonCodes", h.reasonCodes())
        .put("justification", h.justification())
        .put("incidentId", h.incidentId())
        .put("placedBy", h.placedBy())
        .put("placedAt", h.placedAt())
        .put("releasedBy", h.releasedBy())
        .put("releasedAt", h.releasedAt())
        .put("releaseJustification", h.releaseJustification())
        .put("active", h.isActive())
        .map();
  }

  static LegalHold hold(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new LegalHold(
        d.string("id"),
        d.string("subject"),
        d.enumValue("reason", LegalHold.Reason.class),
        d.strings("reasonCodes"),
        d.string("justification"),
        d.string("incidentId"),
        d.string("placedBy"),
        d.instant("placedAt"),
        d.string("releasedBy"),
        d.instant("releasedAt"),
        d.string("releaseJustification"));
  }
}
