package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.vault.LogCapture;
import org.meldekette.domain.vault.Upload;
import org.meldekette.domain.vault.VaultHolds;

/**
 * The evidence vault's records in Firestore: uploads on their way in, log captures in progress
 * (beside the incident, under {@code uploads} and {@code captures}), which holds each incident's
 * objects carry ({@code vault-holds}), and the weekly verification runs ({@code vault-checks}).
 */
public final class VaultStore {
  private final Firestore db;
  private final IncidentWrites incidents;
  private final CommitListener listener;

  public VaultStore(Firestore db, CommitListener listener) {
    this.db = db;
    this.incidents = new IncidentWrites(db, null);
    this.listener = listener;
  }

  public void createUpload(Upload upload) {
    FirestoreErrors.await(
        uploadRef(upload.incidentId(), upload.id()).create(VaultDocuments.upload(upload)));
  }

  public Optional<Upload> upload(String incidentId, String uploadId) {
    DocumentSnapshot doc = FirestoreErrors.await(uploadRef(incidentId, uploadId).get());
    return doc.exists() ? Optional.of(VaultDocuments.upload(doc)) : Optional.empty();
  }

  public void saveUpload(Upload upload) {
    FirestoreErrors.await(
        uploadRef(upload.incidentId(), upload.id()).set(VaultDocuments.upload(upload)));
  }

  public void createCapture(LogCapture capture) {
    FirestoreErrors.await(
        captureRef(capture.incidentId(), capture.id()).create(VaultDocuments.capture(capture)));
  }

  public Optional<LogCapture> capture(String incidentId, String captureId) {
    DocumentSnapshot doc = FirestoreErrors.await(captureRef(incidentId, captureId).get());
    return doc.exists() ? Optional.of(VaultDocuments.capture(doc)) : Optional.empty();
  }

  /** An incident's captures, newest first. */
  public List<LogCapture> captures(String incidentId) {
    return FirestoreErrors.await(
            IncidentStore.reference(db, incidentId)
                .collection(CollectionNames.CAPTURES)
                .orderBy("requestedAt", com.google.cloud.firestore.Query.Direction.DESCENDING)
                .limit(50)
                .get())
        .getDocuments()
        .stream()
        .map(VaultDocuments::capture)
        .toList();
  }

  /**
   * Stores {@code next} if the capture still is as {@code seen} left it (same step and state): of
   * two deliveries of one step, one moves it on. Gives the capture as stored afterwards.
   */
  public LogCapture advance(LogCapture seen, LogCapture next) {
    DocumentReference ref = captureRef(seen.incidentId(), seen.id());
    return FirestoreErrors.await(
        db.runTransaction(
            tx -> {
              DocumentSnapshot doc = FirestoreErrors.await(tx.get(ref));
              if (!doc.exists()) {
                throw new NotFound("no capture " + seen.id());
              }
              LogCapture stored = VaultDocuments.capture(doc);
              if (stored.step() != seen.step() || stored.state() != seen.state()) {
                return stored;
              }
              tx.set(ref, VaultDocuments.capture(next));
              return next;
            }));
  }

  /**
   * The holds an incident's vault objects were last given: as they arrive (the bucket's default
   * event-based hold, no temporary hold) until {@link #holdsApplied} recorded a change.
   */
  public VaultHolds.State holds(String incidentId) {
    return holdsState(FirestoreErrors.await(holdsRef(incidentId).get()));
  }

  private static VaultHolds.State holdsState(DocumentSnapshot doc) {
    if (!doc.exists()) {
      return new VaultHolds.State(true, false);
    }
    Doc d = Doc.of(doc.getData());
    return new VaultHolds.State(d.bool("eventBased"), d.bool("temporary"));
  }

  /**
   * Notes that an incident has objects in the vault. They arrive with the bucket's default
   * event-based hold and no temporary hold; {@link #holdsApplied} records every change after that.
   */
  public void hasObjects(String incidentId, Instant now) {
    DocumentReference ref = holdsRef(incidentId);
    FirestoreErrors.await(
        db.runTransaction(
            tx -> {
              if (!FirestoreErrors.await(tx.get(ref)).exists()) {
                tx.create(
                    ref,
                    Doc.fields()
                        .put("incidentId", incidentId)
                        .put("eventBased", true)
                        .put("temporary", false)
                        .put("since", now)
                        .map());
              }
              return null;
            }));
  }

  /**
   * Records the holds now on the incident's objects, with its audit event, in one commit. Two syncs
   * racing record the change once: the second finds it recorded.
   */
  public void holdsApplied(String incidentId, VaultHolds.State after, int objects, Instant now) {
    DocumentReference incident = IncidentStore.reference(db, incidentId);
    DocumentReference holds = holdsRef(incidentId);
    AuditEvent event =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot snapshot = FirestoreErrors.await(tx.get(incident));
                  if (!snapshot.exists()) {
                    throw new NotFound("no incident " + incidentId);
                  }
                  VaultHolds.State before = holdsState(FirestoreErrors.await(tx.get(holds)));
                  if (before.equals(after)) {
                    return null;
                  }
                  AuditEvent recorded =
                      incidents.aside(
                          tx,
                          snapshot,
                          VaultHolds.changed(incidentId, before, after, objects, now),
                          "vault-holds-"
                              + now.toEpochMilli()
                              + (after.eventBased() ? "-event" : "")
                              + (after.temporary() ? "-temporary" : ""),
                          Map.<FieldPath, Object>of());
                  tx.set(
                      holds,
                      Doc.fields()
                          .put("incidentId", incidentId)
                          .put("eventBased", after.eventBased())
                          .put("temporary", after.temporary())
                          .put("since", now)
                          .put("objects", objects)
                          .map());
                  return recorded;
                }));
    if (event != null) {
      listener.committed(Committed.events(event));
    }
  }

  /** Every incident with objects in the vault. */
  public List<String> incidentsWithObjects() {
    return FirestoreErrors.await(
            db.collection(CollectionNames.VAULT_HOLDS).select("incidentId").get())
        .getDocuments()
        .stream()
        .map(QueryDocumentSnapshot::getId)
        .toList();
  }

  /** Whether a standing legal hold names the incident. */
  public boolean legallyHeld(String incidentId) {
    return !FirestoreErrors.await(
            db.collection(CollectionNames.LEGAL_HOLDS)
                .whereEqualTo("incidentId", incidentId)
                .whereEqualTo("active", true)
                .limit(1)
                .get())
        .isEmpty();
  }

  /** A piece of evidence Meldekette holds in its vault, with its incident. */
  public record Secured(String incidentId, Evidence evidence) {}

  /** Every piece of evidence in the vault (a collection-group query on {@code secured}). */
  public List<Secured> securedEvidence() {
    return FirestoreErrors.await(
            db.collectionGroup(CollectionNames.EVIDENCE).whereEqualTo("secured", true).get())
        .getDocuments()
        .stream()
        .map(
            doc ->
                new Secured(
                    doc.getReference().getParent().getParent().getId(),
                    EvidenceDocuments.read(doc)))
        .toList();
  }

  /** Keeps a verification run's summary, for the auditor who asks whether it ran. */
  public void recordCheck(String runId, Map<String, Object> summary) {
    FirestoreErrors.await(db.collection(CollectionNames.VAULT_CHECKS).document(runId).set(summary));
  }

  private DocumentReference uploadRef(String incidentId, String uploadId) {
    return IncidentStore.reference(db, incidentId)
        .collection(CollectionNames.UPLOADS)
        .document(uploadId);
  }

  private DocumentReference captureRef(String incidentId, String captureId) {
    return IncidentStore.reference(db, incidentId)
        .collection(CollectionNames.CAPTURES)
        .document(captureId);
  }

  private DocumentReference holdsRef(String incidentId) {
    return db.collection(CollectionNames.VAULT_HOLDS).document(incidentId);
  }
}
