package org.meldekette.store;

import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.mail.MailThreadEntry;

/**
 * The security mailbox in Firestore: raw messages kept byte for byte (the first evidence of a
 * case), what was taken from which source so nothing is filed twice or skipped, and each incident's
 * thread of mail. What goes out is {@link MailOutbox}'s.
 */
public final class MailStore {
  /** Firestore keeps at most 1 MiB a document: raw mail is kept in chunks below that. */
  static final int CHUNK = 512 * 1024;

  private final Firestore db;
  private final ReportStore reports;
  private final ReporterChannel channel;
  private final CommitListener listener;
  private final IncidentWrites writes;

  public MailStore(Firestore db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.writes = new IncidentWrites(db, policy);
    this.reports = new ReportStore(db, policy, listener);
    this.channel = new ReporterChannel(db, policy, listener);
    this.listener = listener;
  }

  // --- Raw messages ---

  /**
   * Keeps the raw bytes under their SHA-256, chunks first and the record last, so a message is kept
   * once its record exists; keeping the same bytes again writes the same documents.
   */
  public void keepRaw(String sha256, byte[] raw, String source, Instant now) {
    DocumentReference record = db.collection(CollectionNames.MAIL_RAW).document(sha256);
    if (FirestoreErrors.await(record.get()).exists()) {
      return;
    }
    int chunks = Math.max(1, (raw.length + CHUNK - 1) / CHUNK);
    WriteBatch batch = db.batch();
    int inBatch = 0;
    for (int i = 0; i < chunks; i++) {
      int from = i * CHUNK;
      byte[] part = java.util.Arrays.copyOfRange(raw, from, Math.min(raw.length, from + CHUNK));
      batch.set(
          record.collection(CollectionNames.MAIL_CHUNKS).document(String.format("%05d", i)),
          Map.of("data", Blob.fromBytes(part)));
      // A commit takes at most 10 MiB: a few chunks each.
      if (++inBatch == 8) {
        FirestoreErrors.await(batch.commit());
        batch = db.batch();
        inBatch = 0;
      }
    }
    batch.set(
        record,
        Doc.fields()
            .put("sha256", sha256)
            .put("size", (long) raw.length)
            .put("chunks", (long) chunks)
            .put("source", source)
            .put("keptAt", now)
            .map());
    FirestoreErrors.await(batch.commit());
  }

  /** The raw bytes kept under {@code sha256}. */
  public Optional<byte[]> raw(String sha256) {
    DocumentReference record = db.collection(CollectionNames.MAIL_RAW).document(sha256);
    DocumentSnapshot head = FirestoreErrors.await(record.get());
    if (!head.exists()) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (DocumentSnapshot chunk :
        FirestoreErrors.await(
                record
                    .collection(CollectionNames.MAIL_CHUNKS)
                    .orderBy(FieldPath.documentId())
                    .get())
            .getDocuments()) {
      out.writeBytes(chunk.getBlob("data").toBytes());
    }
    return Optional.of(out.toByteArray());
  }

  // --- What was taken ---

  /**
   * Whether the source's message (IMAP {@code imap-UIDVALIDITY-UID}, a webhook delivery) was taken.
   */
  public boolean taken(String sourceKey) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.MAIL_TAKEN).document(sourceKey).get())
        .exists();
  }

  /**
   * How a mail was filed, when it was: the same mail taken again from any source is not refiled.
   */
  public record Filed(String disposition, String incidentId) {}

  public Optional<Filed> filed(String messageKey) {
    DocumentSnapshot doc =
        FirestoreErrors.await(
            db.collection(CollectionNames.MAIL_MESSAGES).document(messageKey).get());
    return doc.exists()
        ? Optional.of(new Filed(doc.getString("disposition"), doc.getString("incidentId")))
        : Optional.empty();
  }

  /** Records the source's message as taken (after it was filed, or found filed before). */
  public void markTaken(String sourceKey, String messageKey, String sha256, Instant now) {
    FirestoreErrors.await(
        db.collection(CollectionNames.MAIL_TAKEN)
            .document(sourceKey)
            .set(
                Doc.fields()
                    .put("messageKey", messageKey)
                    .put("sha256", sha256)
                    .put("takenAt", now)
                    .map()));
  }

  /** The last IMAP UID taken in order under a UIDVALIDITY: where the next poll starts. */
  public long cursor(String mailbox, long uidValidity) {
    DocumentSnapshot doc = FirestoreErrors.await(cursorRef(mailbox, uidValidity).get());
    Long uid = doc.exists() ? doc.getLong("lastUid") : null;
    return uid == null ? 0 : uid;
  }

  public void advance(String mailbox, long uidValidity, long lastUid, Instant now) {
    FirestoreErrors.await(
        cursorRef(mailbox, uidValidity)
            .set(Doc.fields().put("lastUid", lastUid).put("at", now).map()));
  }

  private DocumentReference cursorRef(String mailbox, long uidValidity) {
    return db.collection(CollectionNames.MAIL_TAKEN)
        .document("cursor-" + Hashes.sha256(mailbox).substring(0, 16) + "-" + uidValidity);
  }

  // --- Filing ---

  /**
   * Files a mail as a new report, in the one commit that opens it: the incident with its receipt
   * code, what was written, the sender as contact, the mail's record and its thread entry. Keyed by
   * {@code idempotencyKey}: a mail filed again gets the first receipt and opens nothing.
   */
  public ReportStore.Receipt fileReport(
      Report report,
      boolean held,
      ReceiptCode code,
      String idempotencyKey,
      IncidentIds ids,
      Instant now,
      Function<String, Map<String, Object>> answer,
      MailThreadEntry entry) {
    return reports.submit(
        report,
        held,
        code,
        idempotencyKey,
        Duration.ofDays(30),
        ids,
        now,
        answer,
        (batch, incidentId) -> {
          batch.create(message(entry.key()), filedFields("NEW_REPORT", incidentId, entry, now));
          batch.set(thread(incidentId, entry.key()), MailThreadDocuments.fields(entry));
        });
  }

  /**
   * Appends a reporter's reply as their message (the status page's channel; the same message ID for
   * the same mail, so a second filing adds nothing), then records the mail.
   */
  public void fileReply(
      String incidentId, ReporterMessage message, MailThreadEntry entry, Instant now) {
    channel.answer(incidentId, message);
    record(incidentId, "REPLY", entry, now);
  }

  /**
   * Records a mail on an incident's thread without a message to the team (a machine's mail, an
   * unverified follow-up), or unfiled ({@code incidentId} null) when it names none.
   */
  public void record(String incidentId, String disposition, MailThreadEntry entry, Instant now) {
    WriteBatch batch = db.batch();
    if (incidentId != null) {
      if (!FirestoreErrors.await(IncidentStore.reference(db, incidentId).get()).exists()) {
        incidentId = null; // a tag naming no incident: kept unfiled
      } else {
        batch.set(thread(incidentId, entry.key()), MailThreadDocuments.fields(entry));
      }
    }
    Map<String, Object> filed = filedFields(disposition, incidentId, entry, now);
    if (incidentId == null) {
      filed.put("unfiled", MailThreadDocuments.fields(entry));
    }
    batch.set(message(entry.key()), filed);
    FirestoreErrors.await(batch.commit());
  }

  /** An incident's mail, both directions, oldest first. */
  public List<MailThreadEntry> thread(String incidentId) {
    return FirestoreErrors.await(
            IncidentStore.reference(db, incidentId)
                .collection(CollectionNames.MAIL_THREAD)
                .orderBy("at")
                .get())
        .getDocuments()
        .stream()
        .map(MailThreadDocuments::read)
        .toList();
  }

  /** One mail of an incident's thread. */
  public Optional<MailThreadEntry> threadEntry(String incidentId, String key) {
    DocumentSnapshot doc = FirestoreErrors.await(thread(incidentId, key).get());
    return doc.exists() ? Optional.of(MailThreadDocuments.read(doc)) : Optional.empty();
  }

  /**
   * Marks an unverified follow-up confirmed, once its text was appended as the reporter's message.
   */
  public void confirm(String incidentId, MailThreadEntry entry, ReporterMessage message) {
    channel.answer(incidentId, message);
    FirestoreErrors.await(
        thread(incidentId, entry.key())
            .update("status", "CONFIRMED", "text", com.google.cloud.firestore.FieldValue.delete()));
  }

  /**
   * The mail that came in and is on no incident's thread (a machine's, or not parseable), newest
   * first.
   */
  public List<MailThreadEntry> unfiled(int limit) {
    return FirestoreErrors.await(
            db.collection(CollectionNames.MAIL_MESSAGES)
                .whereEqualTo("incidentId", null)
                .orderBy("filedAt", com.google.cloud.firestore.Query.Direction.DESCENDING)
                .limit(limit)
                .get())
        .getDocuments()
        .stream()
        .map(d -> MailThreadDocuments.read(Doc.of(d.getData()).doc("unfiled")))
        .toList();
  }

  private Map<String, Object> filedFields(
      String disposition, String incidentId, MailThreadEntry entry, Instant now) {
    return Doc.fields()
        .put("disposition", disposition)
        .put("incidentId", incidentId)
        .put("sha256", entry.rawSha256())
        .put("filedAt", now)
        .map();
  }

  /**
   * The raw bytes of a mail on an incident's thread, read by staff: the read is recorded on the
   * incident's timeline and audit trail (who and when) without changing its version.
   */
  public Optional<byte[]> readRaw(
      String incidentId, String key, org.meldekette.domain.Change read) {
    MailThreadEntry entry =
        threadEntry(incidentId, key).orElseThrow(() -> new NotFound("no mail " + key));
    Optional<byte[]> raw = raw(entry.rawSha256());
    if (raw.isEmpty()) {
      return raw;
    }
    AuditEvent event =
        FirestoreErrors.await(
            db.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(IncidentStore.reference(db, incidentId)));
                  return writes.aside(
                      tx,
                      incident,
                      read,
                      "mail-read-" + read.at().toEpochMilli() + "-" + key,
                      Map.of());
                }));
    listener.committed(Committed.events(event));
    return raw;
  }

  private DocumentReference message(String key) {
    return db.collection(CollectionNames.MAIL_MESSAGES).document(key);
  }

  private DocumentReference thread(String incidentId, String key) {
    return threadEntry(db, incidentId, key);
  }

  /** One mail of an incident's thread, where the outbox records what it sent. */
  static DocumentReference threadEntry(Firestore db, String incidentId, String key) {
    return IncidentStore.reference(db, incidentId)
        .collection(CollectionNames.MAIL_THREAD)
        .document(key);
  }

  static List<String> copy(List<String> values) {
    return values == null ? List.of() : new ArrayList<>(values);
  }
}
