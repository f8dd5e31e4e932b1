package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.Phase;
import org.meldekette.domain.alert.Alert;
import org.meldekette.domain.alert.AlertRecord;
import org.meldekette.domain.alert.AlertRule;
import org.meldekette.domain.alert.AlertTriage;
import org.meldekette.domain.deadline.DeadlinePolicy;

/**
 * One delivery of an alert, in one Firestore transaction: the delivery record (so a redelivery
 * changes nothing), the alert record, and for a new alert the incident it joins or opens. No
 * document is written by every alert of a group: the group document is written only when it opens
 * an incident, and a joining alert only adds documents of its own (its record, timeline entries,
 * audit event), so a storm on one group does not queue behind one hot document.
 *
 * <p>The group document is read outside the transaction, so no delivery holds a lock on it. Inside,
 * the first alert of a group would otherwise hold a read lock on the missing group while every
 * other first alert of the group holds one too, each waiting for the others to let go before it may
 * create the group: a deadlock that only lock timeouts end, again on every retry while more alerts
 * of the group arrive (on the emulator a storm's busiest group took 30 s). Instead the group is
 * created with {@code create} (or replaced under a precondition on its update time): of two alerts
 * racing to open the group's incident one commits, the other's commit fails and it runs again, now
 * joining the incident the first one opened.
 */
public final class AlertStore {
  private static final int TRANSACTION_ATTEMPTS = 20;

  /**
   * A delivery that lost a race for the group (or its delivery record) runs again; a third loss is
   * a failure.
   */
  private static final int RUNS = 3;

  /** Messages that were not alerts are kept this long, for whoever looks into why. */
  private static final Duration REJECTION_RETENTION = Duration.ofDays(90);

  private final Supplier<Firestore> db;
  private final IncidentIds ids;
  private final Clock clock;
  private final Duration deliveryRetention;
  private final DeadlinePolicy policy;
  private final CommitListener listener;

  public AlertStore(
      Supplier<Firestore> db,
      IncidentIds ids,
      Clock clock,
      Duration deliveryRetention,
      DeadlinePolicy policy,
      CommitListener listener) {
    this.db = db;
    this.ids = ids;
    this.clock = clock;
    this.deliveryRetention = deliveryRetention;
    this.policy = policy;
    this.listener = listener;
  }

  /** What a delivery did. */
  public record Outcome(
      boolean duplicate, AlertTriage.Effect effect, String incidentId, boolean incidentCreated) {}

  public Outcome process(String messageId, Alert alert, AlertRule rule, String groupKey) {
    for (int run = 1; ; run++) {
      try {
        return processOnce(messageId, alert, rule, groupKey);
      } catch (RuntimeException e) {
        if (run == RUNS || !lostRace(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * Another delivery created the group, replaced its incident or recorded the same message first.
   */
  private static boolean lostRace(Throwable e) {
    Status.Code code = FirestoreErrors.code(e);
    return code == Status.Code.ALREADY_EXISTS || code == Status.Code.FAILED_PRECONDITION;
  }

  /**
   * What a transaction attempt recorded, for the work after its commit: the last attempt's is the
   * one.
   */
  private record Recorded(AuditEvent event, Incident opened, IncidentWrites incidents) {}

  @SuppressWarnings(
      "deprecation") // TransactionOptions.create(int): the attempts, as the rest of the store sets
  // them
  private Outcome processOnce(String messageId, Alert alert, AlertRule rule, String groupKey) {
    Firestore firestore = db.get();
    IncidentWrites incidents = new IncidentWrites(firestore, policy);
    AtomicReference<Recorded> recorded = new AtomicReference<>();
    Outcome outcome =
        FirestoreErrors.await(
            firestore.runTransaction(
                transaction -> {
                  recorded.set(null);
                  return process(
                      firestore,
                      incidents,
                      transaction,
                      messageId,
                      alert,
                      rule,
                      groupKey,
                      recorded);
                },
                TransactionOptions.create(TRANSACTION_ATTEMPTS)));
    Recorded r = recorded.get();
    if (r != null) {
      listener.committed(
          new Committed(
              List.of(r.event()),
              r.opened(),
              r.opened() != null,
              r.opened() == null ? List.of() : incidents.openingDeadlines(r.opened()),
              r.opened() != null));
    }
    return outcome;
  }

  private Outcome process(
      Firestore firestore,
      IncidentWrites incidents,
      Transaction tx,
      String messageId,
      Alert alert,
      AlertRule rule,
      String groupKey,
      AtomicReference<Recorded> recorded) {
    Instant now = clock.instant();
    DocumentReference deliveryRef =
        firestore.collection(CollectionNames.DELIVERIES).document(deliveryId(messageId));
    DocumentReference alertRef =
        firestore.collection(CollectionNames.ALERTS).document(alert.documentId());
    DocumentReference groupRef =
        firestore.collection(CollectionNames.ALERT_GROUPS).document(Hashes.sha256(groupKey));
    List<DocumentSnapshot> read = FirestoreErrors.await(tx.getAll(deliveryRef, alertRef));
    DocumentSnapshot delivery = read.get(0);
    DocumentSnapshot alertDoc = read.get(1);
    if (delivery.exists()) {
      return new Outcome(true, AlertTriage.Effect.NONE, delivery.getString("incidentId"), false);
    }

    AlertRecord known = alertDoc.exists() ? AlertDocuments.record(alertDoc) : null;
    AlertTriage.Effect effect = AlertTriage.effect(known, alert);
    String incidentId = known == null ? null : known.incidentId();
    Incident created = null;
    DocumentSnapshot group = null;
    if (effect.isNew() && rule.opensIncident()) {
      group =
          FirestoreErrors.await(groupRef.get()); // outside the transaction: see the class comment
      incidentId = openIncidentOf(incidents, tx, group);
      if (incidentId == null) {
        created = AlertTriage.incidentFor(ids.next(), alert, rule, now);
        incidentId = created.id();
      }
    }

    // Every write comes after every read, as a Firestore transaction requires.
    tx.create(
        deliveryRef,
        Doc.fields()
            .put("messageId", messageId)
            .put("alert", alert.documentId())
            .put("effect", effect)
            .put("incidentId", incidentId)
            .put("receivedAt", now)
            .put("expireAt", now.plus(deliveryRetention))
            .map());
    if (effect == AlertTriage.Effect.NONE) {
      return new Outcome(false, effect, incidentId, false);
    }
    if (created != null) {
      incidents.openRecordedElsewhere(tx, created);
      Map<String, Object> opened =
          Doc.fields()
              .put("groupKey", groupKey)
              .put("signal", rule.signal())
              .put("openIncidentId", created.id())
              .put("openedAt", now)
              .map();
      if (group.exists()) {
        tx.update(groupRef, opened, Precondition.updatedAt(group.getUpdateTime()));
      } else {
        tx.create(groupRef, opened);
      }
    }
    AlertRecord after =
        known == null
            ? AlertRecord.first(alert, rule, groupKey, incidentId)
            : known.resolved(alert);
    ChangeRecorder recorder = new ChangeRecorder(firestore);
    AuditEvent event =
        recorder.recordOnChain(
            tx,
            AlertTriage.recorded(effect, known, after, created != null, now),
            alertRef,
            AuditDocuments.head(alertDoc));
    tx.set(alertRef, AuditDocuments.withHead(AlertDocuments.fields(after), event.head()));
    recorded.set(new Recorded(event, created, incidents));
    if (incidentId != null) {
      String entry = "alert-" + alert.documentId().substring(0, 16);
      if (effect.isNew()) {
        recorder.writeTimeline(
            tx, AlertTriage.openedOnTimeline(alert, after, created != null), entry + "-opened");
      }
      if (effect.resolves()) {
        recorder.writeTimeline(
            tx, AlertTriage.resolvedOnTimeline(alert, after), entry + "-resolved");
      }
    }
    return new Outcome(false, effect, incidentId, created != null);
  }

  /** The group's incident if it is still open; an incident people closed takes no new alerts. */
  private static String openIncidentOf(
      IncidentWrites incidents, Transaction tx, DocumentSnapshot group) {
    String openId = group.exists() ? group.getString("openIncidentId") : null;
    if (openId == null) {
      return null;
    }
    DocumentSnapshot incident = FirestoreErrors.await(tx.get(incidents.reference(openId)));
    return incident.exists() && !Phase.CLOSED.name().equals(incident.getString("phase"))
        ? openId
        : null;
  }

  /** Records a message that is not an alert, once, with the reason and never the payload. */
  public void reject(String messageId, String code, String reason, int bytes, Instant publishTime) {
    Instant now = clock.instant();
    DocumentReference ref =
        db.get().collection(CollectionNames.REJECTED_ALERTS).document(deliveryId(messageId));
    try {
      FirestoreErrors.await(
          ref.create(
              Doc.fields()
                  .put("messageId", messageId)
                  .put("code", code)
                  .put("reason", reason)
                  .put("bytes", bytes)
                  .put("publishTime", publishTime)
                  .put("receivedAt", now)
                  .put("expireAt", now.plus(REJECTION_RETENTION))
                  .map()));
    } catch (RuntimeException e) {
      if (!FirestoreErrors.isAlreadyExists(e)) {
        throw e;
      }
    }
  }

  private static String deliveryId(String messageId) {
    return "pubsub-" + Hashes.sha256(messageId).substring(0, 40);
  }
}
