package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.assurance.AuditPack;

/**
 * Audit packs: one document each under a deterministic ID (a repeated request finds the first), its
 * own audit chain starting with its generation.
 */
public final class AuditPackStore {
  /** What is kept about a pack; the pack itself lies in the vault under {@code object}. */
  public record Pack(
      String id,
      String from,
      String to,
      String customer,
      String language,
      int incidents,
      String object,
      String sha256,
      long bytes,
      String generatedBy,
      Instant generatedAt) {}

  private final Firestore db;
  private final CommitListener listener;

  public AuditPackStore(Firestore db, CommitListener listener) {
    this.db = db;
    this.listener = listener;
  }

  public Optional<Pack> find(String id) {
    DocumentSnapshot snapshot = FirestoreErrors.await(ref(id).get());
    return snapshot.exists() ? Optional.of(read(snapshot)) : Optional.empty();
  }

  public List<Pack> newestFirst(int limit) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.AUDIT_PACKS)
                .orderBy("generatedAt", Query.Direction.DESCENDING)
                .limit(limit)
                .get())
        .getDocuments()
        .stream()
        .map(AuditPackStore::read)
        .toList();
  }

  /** Records a generated pack with its audit event; a pack of that ID recorded meanwhile wins. */
  public Pack created(Pack pack, Actor actor) {
    DocumentReference ref = ref(pack.id());
    Change change =
        AuditPack.generated(
            pack.id(),
            pack.from(),
            pack.to(),
            pack.customer(),
            pack.incidents(),
            pack.sha256(),
            actor,
            pack.generatedAt());
    WriteBatch batch = db.batch();
    AuditEvent event =
        new ChangeRecorder(db).recordOnChain(batch, change, ref, AuditEvent.ChainHead.EMPTY);
    batch.create(ref, AuditDocuments.withHead(fields(pack), event.head()));
    try {
      FirestoreErrors.await(batch.commit());
    } catch (RuntimeException e) {
      if (FirestoreErrors.isAlreadyExists(e)) {
        return find(pack.id()).orElseThrow();
      }
      throw e;
    }
    listener.committed(Committed.events(event));
    return pack;
  }

  private DocumentReference ref(String id) {
    return db.collection(CollectionNames.AUDIT_PACKS).document(id);
  }

  private static Map<String, Object> fields(Pack p) {
    return Doc.fields()
        .put("id", p.id())
        .put("from", p.from())
        .put("to", p.to())
        .put("customer", p.customer())
        .put("language", p.language())
        .put("incidents", p.incidents())
        .put("object", p.object())
        .put("sha256", p.sha256())
        .put("bytes", p.bytes())
        .put("generatedBy", p.generatedBy())
        .put("generatedAt", p.generatedAt())
        .map();
  }

  private static Pack read(DocumentSnapshot snapshot) {
    Doc d = Doc.of(snapshot.getData());
    return new Pack(
        d.string("id"),
        d.string("from"),
        d.string("to"),
        d.string("customer"),
        d.string("language"),
        d.longValue("incidents").intValue(),
        d.string("object"),
        d.string("sha256"),
        d.longValue("bytes"),
        d.string("generatedBy"),
        d.instant("generatedAt"));
  }
}
