package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.Incident;
import org.meldekette.domain.TeamNotification;
import org.meldekette.domain.deadline.DeadlinePolicy;

/**
 * What the team's channels were told: each notification claimed before it is posted and recorded
 * after, so a task delivered twice posts once; and each channel's messages per minute, so a storm
 * of new incidents becomes one digest per channel and minute instead of hundreds of messages.
 */
public final class NotificationStore {
  /** A claim older than this belongs to a delivery that died: another may take it over. */
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final String SENDING = "SENDING";
  private static final String SENT = "SENT";

  private final Supplier<Firestore> db;
  private final DeadlinePolicy policy;
  private final CommitListener listener;

  public NotificationStore(Supplier<Firestore> db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.policy = policy;
    this.listener = listener;
  }

  public enum Claim {
    CLAIMED,
    ALREADY_SENT,
    IN_PROGRESS
  }

  /** Claims notification {@code key} for this delivery. */
  public Claim claim(String key, Instant now) {
    DocumentReference ref = notification(key);
    return FirestoreErrors.await(
        db.get()
            .runTransaction(
                tx -> {
                  DocumentSnapshot doc = FirestoreErrors.await(tx.get(ref));
                  if (doc.exists() && SENT.equals(doc.getString("state"))) {
                    return Claim.ALREADY_SENT;
                  }
                  if (doc.exists() && !isStale(doc, now)) {
                    return Claim.IN_PROGRESS;
                  }
                  tx.set(ref, Doc.fields().put("state", SENDING).put("claimedAt", now).map());
                  return Claim.CLAIMED;
                }));
  }

  /** Frees a claimed notification whose posting failed, for the retry Cloud Tasks makes. */
  public void release(String key) {
    FirestoreErrors.await(notification(key).delete());
  }

  /** The incident a notification is about, as it is now. */
  public Incident incident(String incidentId) {
    return new IncidentQueries(db.get(), policy).get(incidentId);
  }

  /**
   * Records notification {@code key} as sent, with a {@code TEAM_NOTIFIED} entry on the incident's
   * timeline and audit trail (which channels, never what they were told), leaving its version
   * alone.
   */
  public void recordSent(
      String key, String incidentId, List<String> channels, Actor actor, Instant now) {
    Firestore firestore = db.get();
    IncidentWrites incidents = new IncidentWrites(firestore, policy);
    AuditEvent event =
        FirestoreErrors.await(
            firestore.runTransaction(
                tx -> {
                  DocumentSnapshot incident =
                      FirestoreErrors.await(tx.get(incidents.reference(incidentId)));
                  tx.set(
                      notification(key), Doc.fields().put("state", SENT).put("sentAt", now).map());
                  if (!incident.exists()) {
                    return null;
                  }
                  Change change = TeamNotification.sent(incidentId, key, channels, actor, now);
                  return incidents.aside(tx, incident, change, "notified-" + key, Map.of());
                }));
    if (event != null) {
      listener.committed(Committed.events(event));
    }
  }

  /** Records notification {@code key} as sent, for a notification about no single incident. */
  public void markSent(String key, Instant now) {
    FirestoreErrors.await(
        notification(key).set(Doc.fields().put("state", SENT).put("sentAt", now).map()));
  }

  /** How many reports wait to be screened (held in a surge, neither screened in nor out). */
  public long heldForScreening() {
    return FirestoreErrors.await(
            db.get().collection(CollectionNames.INCIDENTS).whereEqualTo("held", true).count().get())
        .getCount();
  }

  /** Whether a message goes out now, or waits in its channel's digest of the minute. */
  public record Admission(boolean postNow, long window, boolean digestStarted) {}

  /**
   * Counts a message for {@code channel}: within {@code perMinute} of this minute it goes out now;
   * beyond, {@code line} joins the minute's digest ({@code digestStarted} for the first, whose
   * caller queues the digest). A digest already being sent takes nothing more: the line goes to the
   * next minute's.
   */
  public Admission admit(String channel, String line, int perMinute, Instant now) {
    long window = now.getEpochSecond() / WINDOW.toSeconds() * WINDOW.toSeconds();
    return FirestoreErrors.await(
        db.get().runTransaction(tx -> admit(tx, channel, line, perMinute, window, now)));
  }

  private Admission admit(
      Transaction tx, String channel, String line, int perMinute, long window, Instant now) {
    DocumentReference ref = window(channel, window);
    DocumentSnapshot doc = FirestoreErrors.await(tx.get(ref));
    long count = doc.exists() && doc.getLong("count") != null ? doc.getLong("count") : 0;
    String digest = doc.exists() ? doc.getString("digest") : null;
    if (digest != null && !digest.equals("OPEN")) {
      return admit(tx, channel, line, perMinute, window + WINDOW.toSeconds(), now);
    }
    Map<String, Object> fields =
        Doc.fields()
            .put("channel", channel)
            .put("window", window)
            .put("expireAt", Instant.ofEpochSecond(window).plus(Duration.ofDays(2)))
            .map();
    if (count < perMinute) {
      fields.put("count", count + 1);
      tx.set(ref, fields, com.google.cloud.firestore.SetOptions.merge());
      return new Admission(true, window, false);
    }
    fields.put("digest", "OPEN");
    fields.put("lines", FieldValue.arrayUnion(line));
    tx.set(ref, fields, com.google.cloud.firestore.SetOptions.merge());
    return new Admission(false, window, digest == null);
  }

  /**
   * Claims the digest of {@code channel}'s minute for sending: its lines in the order they came, or
   * an empty list when it was sent, is being sent, or has none.
   */
  @SuppressWarnings("unchecked")
  public List<String> claimDigest(String channel, long window, Instant now) {
    DocumentReference ref = window(channel, window);
    return FirestoreErrors.await(
        db.get()
            .runTransaction(
                tx -> {
                  DocumentSnapshot doc = FirestoreErrors.await(tx.get(ref));
                  String digest = doc.exists() ? doc.getString("digest") : null;
                  boolean open =
                      "OPEN".equals(digest) || (SENDING.equals(digest) && isStale(doc, now));
                  if (!open) {
                    return List.of();
                  }
                  tx.update(ref, "digest", SENDING, "claimedAt", Timestamps.of(now));
                  Object lines = doc.get("lines");
                  return lines == null ? List.of() : new ArrayList<>((List<String>) lines);
                }));
  }

  /** Marks the digest sent ({@code sent}) or, when posting it failed, open again for the retry. */
  public void digestDone(String channel, long window, boolean sent) {
    FirestoreErrors.await(window(channel, window).update("digest", sent ? SENT : "OPEN"));
  }

  private static boolean isStale(DocumentSnapshot doc, Instant now) {
    Instant claimedAt = Doc.of(doc.getData()).instant("claimedAt");
    return claimedAt == null || !claimedAt.plus(STALE_CLAIM).isAfter(now);
  }

  private DocumentReference notification(String key) {
    return db.get().collection(CollectionNames.NOTIFICATIONS).document(key);
  }

  private DocumentReference window(String channel, long window) {
    return db.get().collection(CollectionNames.CHANNEL_WINDOWS).document(channel + "-" + window);
  }
}
