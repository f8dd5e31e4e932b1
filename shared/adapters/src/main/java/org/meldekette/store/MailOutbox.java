package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.mail.MailThreadEntry;

/**
 * The mailbox's outbox in Firestore: mail queued once under its key, claimed by one delivery, sent
 * once; a receipt code travels sealed and is dropped once the mail is sent or skipped.
 */
public final class MailOutbox {
  private final Firestore db;
  private final CommitListener listener;
  private final IncidentWrites writes;

  public MailOutbox(Firestore db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.writes = new IncidentWrites(db, policy);
    this.listener = listener;
  }

  /**
   * Queues a mail to send, once under {@code key}: the reporter's address is read when it is sent,
   * a receipt code travels sealed with {@code sealingKey}.
   *
   * @param receiptCode an acknowledgement's code, sealed with {@code sealingKey}; null otherwise
   * @param messageRef a staff message's ID among the reporter messages (its text is read when sent)
   */
  public void queue(
      String key,
      String kind,
      String incidentId,
      String language,
      String receiptCode,
      String sealingKey,
      String messageRef,
      List<String> references,
      Instant now) {
    Doc.Fields fields =
        Doc.fields()
            .put("kind", kind)
            .put("incidentId", incidentId)
            .put("language", language)
            .put("references", references)
            .put("state", "QUEUED")
            .put("queuedAt", now);
    if (receiptCode != null) {
      fields.put("sealedCode", SealedCode.seal(receiptCode, sealingKey));
    }
    if (messageRef != null) {
      fields.put("messageRef", messageRef);
    }
    try {
      FirestoreErrors.await(outbox(key).create(fields.map()));
    } catch (RuntimeException e) {
      if (!FirestoreErrors.isAlreadyExists(e)) {
        throw e;
      }
    }
  }

  /** The text of a staff member's message to the reporter, to send by mail too. */
  public Optional<String> reporterMessageText(String incidentId, String messageId) {
    DocumentSnapshot doc =
        FirestoreErrors.await(
            IncidentStore.reference(db, incidentId)
                .collection(CollectionNames.REPORTER_MESSAGES)
                .document(messageId)
                .get());
    return doc.exists() ? Optional.ofNullable(doc.getString("text")) : Optional.empty();
  }

  /** A mail to send as queued, with its sealed parts opened. */
  public record Outgoing(
      String key,
      String kind,
      String incidentId,
      String language,
      String receiptCode,
      String messageRef,
      List<String> references) {}

  public enum Claim {
    CLAIMED,
    SENT,
    IN_PROGRESS,
    UNKNOWN
  }

  /**
   * Claims mail {@code key} for sending: a delivery racing another, or repeating a sent one, stops.
   */
  public Claim claim(String key, Instant now, Duration stale) {
    DocumentReference ref = outbox(key);
    return FirestoreErrors.await(
        db.runTransaction(
            tx -> {
              DocumentSnapshot doc = FirestoreErrors.await(tx.get(ref));
              if (!doc.exists()) {
                return Claim.UNKNOWN;
              }
              String state = doc.getString("state");
              if ("SENT".equals(state) || "SKIPPED".equals(state)) {
                return Claim.SENT;
              }
              Instant claimed = Doc.of(doc.getData()).instant("claimedAt");
              if ("SENDING".equals(state) && claimed != null && claimed.plus(stale).isAfter(now)) {
                return Claim.IN_PROGRESS;
              }
              tx.update(ref, "state", "SENDING", "claimedAt", Timestamps.of(now));
              return Claim.CLAIMED;
            }));
  }

  public Outgoing outgoing(String key, String sealingKey) {
    DocumentSnapshot doc = FirestoreErrors.await(outbox(key).get());
    if (!doc.exists()) {
      throw new NotFound("no mail " + key + " in the outbox");
    }
    Doc d = Doc.of(doc.getData());
    return new Outgoing(
        key,
        d.string("kind"),
        d.string("incidentId"),
        d.string("language"),
        opened(d.string("sealedCode"), sealingKey),
        d.string("messageRef"),
        d.strings("references"));
  }

  /** Drops a queued mail that has no one to go to (the reporter left no address). */
  public void skip(String key) {
    FirestoreErrors.await(
        outbox(key)
            .update(
                Map.of(
                    "state",
                    "SKIPPED",
                    "sealedCode",
                    com.google.cloud.firestore.FieldValue.delete())));
  }

  /** Frees a claimed mail whose sending failed, for the retry Cloud Tasks makes. */
  public void release(String key) {
    FirestoreErrors.await(outbox(key).update("state", "QUEUED"));
  }

  /**
   * Records mail {@code key} as sent: the sealed parts are dropped (the receipt code is nowhere
   * after this), the thread gets the entry, the incident's timeline and audit trail the fact.
   */
  public void sent(
      String incidentId, MailThreadEntry entry, org.meldekette.domain.Change change, Instant now) {
    AuditEvent event =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(IncidentStore.reference(db, incidentId)));
                  tx.update(
                      outbox(entry.key()),
                      Map.of(
                          "state", "SENT",
                          "sentAt", Timestamps.of(now),
                          "messageId", entry.messageId(),
                          "sealedCode", com.google.cloud.firestore.FieldValue.delete()));
                  tx.set(
                      MailStore.threadEntry(db, incidentId, entry.key()),
                      MailThreadDocuments.fields(entry));
                  if (!incident.exists()) {
                    return null;
                  }
                  return writes.aside(tx, incident, change, "mailed-" + entry.key(), Map.of());
                }));
    if (event != null) {
      listener.committed(Committed.events(event));
    }
  }

  private static String opened(String sealed, String sealingKey) {
    if (sealed == null) {
      return null;
    }
    try {
      return SealedCode.open(sealed, sealingKey);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a queued mail could not be unsealed: the key changed", e);
    }
  }

  private DocumentReference outbox(String key) {
    return db.collection(CollectionNames.MAIL_OUTBOX).document(key);
  }
}
