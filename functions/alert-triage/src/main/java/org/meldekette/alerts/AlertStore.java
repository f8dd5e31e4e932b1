package org.meldekette.alerts;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Change;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.Phase;
import org.meldekette.domain.Triage;
import org.meldekette.domain.alert.Alert;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.alert.AlertRecord;
import org.meldekette.domain.alert.AlertRule;
import org.meldekette.domain.alert.AlertTriage;
import org.meldekette.store.AlertDocuments;
import org.meldekette.store.AuditDocuments;
import org.meldekette.store.ChangeRecorder;
import org.meldekette.store.DeadlineDocuments;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.Doc;
import org.meldekette.store.FirestoreErrors;
import org.meldekette.store.IncidentDocuments;
import org.meldekette.store.IncidentStore;

/**
 * One delivery of an alert, in one Firestore transaction: the delivery record (so a redelivery changes
 * nothing), the alert record, and for a new alert the incident it joins or opens. No document is written
 * by every alert of a group: the group document is written only when it opens an incident, and a joining
 * alert only adds documents of its own (its record, timeline entries, audit event), so a storm on one group
 * does not queue behind one hot document.
 *
 * <p>The group document is read outside the transaction, so no delivery holds a lock on it. Inside, the first
 * alert of a group would otherwise hold a read lock on the missing group while every other first alert of
 * the group holds one too, each waiting for the others to let go before it may create the group: a deadlock
 * that only lock timeouts end, again on every retry while more alerts of the group arrive (on the emulator a
 * storm's busiest group took 30 s). Instead the group is created with {@code create} (or replaced under a
 * precondition on its update time): of two alerts racing to open the group's incident one commits, the
 * other's commit fails and it runs again, now joining the incident the first one opened.
 */
final class AlertStore {
  static final Actor SERVICE = Actor.service("alert-triage");
  private static final int TRANSACTION_ATTEMPTS = 20;
  /** A delivery that lost a race for the group (or its delivery record) runs again; a third loss is a failure. */
  private static final int RUNS = 3;

  private final Supplier<Firestore> db;
  private final IncidentIds ids;
  private final AuditExport audit;
  private final Clock clock;
  private final Duration deliveryRetention;
  private final DeadlinePolicy policy;

  AlertStore(Supplier<Firestore> db, IncidentIds ids, AuditExport audit, Clock clock, Duration deliveryRetention,
      DeadlinePolicy policy) {
    this.policy = policy;
    this.db = db;
    this.ids = ids;
    this.audit = audit;
    this.clock = clock;
    this.deliveryRetention = deliveryRetention;
  }

  /** What a delivery did. */
  record Outcome(boolean duplicate, AlertTriage.Effect effect, String incidentId, boolean incidentCreated) {}

  Outcome process(String messageId, Alert alert, AlertRule rule, String groupKey) {
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

  /** Another delivery created the group, replaced its incident or recorded the same message first. */
  private static boolean lostRace(Throwable e) {
    Status.Code code = FirestoreErrors.code(e);
    return code == Status.Code.ALREADY_EXISTS || code == Status.Code.FAILED_PRECONDITION;
  }

  private Outcome processOnce(String messageId, Alert alert, AlertRule rule, String groupKey) {
    Firestore firestore = db.get();
    AtomicReference<AuditEvent> recorded = new AtomicReference<>();
    Outcome outcome = FirestoreErrors.await(firestore.runTransaction(transaction -> {
      recorded.set(null);
      return process(firestore, transaction, messageId, alert, rule, groupKey, recorded);
    }, TransactionOptions.create(TRANSACTION_ATTEMPTS)));
    if (recorded.get() != null) {
      audit.exportNow(List.of(recorded.get()));
    }
    return outcome;
  }

  private Outcome process(Firestore firestore, Transaction tx, String messageId, Alert alert, AlertRule rule,
      String groupKey, AtomicReference<AuditEvent> recorded) {
    Instant now = clock.instant();
    DocumentReference deliveryRef = firestore.collection(CollectionNames.DELIVERIES).document(deliveryId(messageId));
    DocumentReference alertRef = firestore.collection(CollectionNames.ALERTS).document(alert.documentId());
    DocumentReference groupRef = firestore.collection(CollectionNames.ALERT_GROUPS).document(Hashes.sha256(groupKey));
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
      group = FirestoreErrors.await(groupRef.get()); // outside the transaction: see the class comment
      incidentId = openIncidentOf(firestore, tx, group);
      if (incidentId == null) {
        created = newIncident(alert, rule, now);
        incidentId = created.id();
      }
    }

    // Every write comes after every read, as a Firestore transaction requires.
    tx.create(deliveryRef, Doc.fields().put("messageId", messageId).put("alert", alert.documentId())
        .put("effect", effect).put("incidentId", incidentId).put("receivedAt", now)
        .put("expireAt", now.plus(deliveryRetention)).map());
    if (effect == AlertTriage.Effect.NONE) {
      return new Outcome(false, effect, incidentId, false);
    }
    if (created != null) {
      tx.create(IncidentStore.reference(firestore, created.id()), DeadlineDocuments.withDeadlines(
          IncidentDocuments.fields(created), policy.deadlines(new IncidentFacts(created, List.of(), List.of()))));
      Map<String, Object> opened = Doc.fields().put("groupKey", groupKey).put("signal", rule.signal())
          .put("openIncidentId", created.id()).put("openedAt", now).map();
      if (group.exists()) {
        tx.update(groupRef, opened, Precondition.updatedAt(group.getUpdateTime()));
      } else {
        tx.create(groupRef, opened);
      }
    }
    AlertRecord after = known == null ? AlertRecord.first(alert, rule, groupKey, incidentId) : known.resolved(alert);
    ChangeRecorder recorder = new ChangeRecorder(firestore);
    AuditEvent event = AuditEvent.next(alertRef.getPath(), AuditDocuments.head(alertDoc),
        new Change("ALERT_" + effect.name(), SERVICE, now, incidentId, summary(effect, after, created != null),
            known == null ? null : Map.of("state", known.state().name()), auditAfter(after, created != null)));
    recorder.writeAudit(tx, event);
    tx.set(alertRef, AuditDocuments.withHead(AlertDocuments.fields(after), event.head()));
    recorded.set(event);
    if (incidentId != null) {
      String entry = "alert-" + alert.documentId().substring(0, 16);
      if (effect.isNew()) {
        recorder.writeTimeline(tx, new Change("ALERT_OPENED", SERVICE, after.startedAt(), incidentId,
            "Alert opened: " + describe(after) + (created != null ? "; it opened this incident" : "; it joined this incident"),
            null, timelineAfter(alert, after)), entry + "-opened");
      }
      if (effect.resolves()) {
        recorder.writeTimeline(tx, new Change("ALERT_RESOLVED", SERVICE, after.endedAt(), incidentId,
            "Alert resolved: " + describe(after), Map.of("state", "OPEN"), Map.of("state", "CLOSED",
                "alert", alert.documentId())), entry + "-resolved");
      }
    }
    return new Outcome(false, effect, incidentId, created != null);
  }

  /** The group's incident if it is still open; an incident people closed takes no new alerts. */
  private static String openIncidentOf(Firestore firestore, Transaction tx, DocumentSnapshot group) {
    String openId = group.exists() ? group.getString("openIncidentId") : null;
    if (openId == null) {
      return null;
    }
    DocumentSnapshot incident = FirestoreErrors.await(tx.get(IncidentStore.reference(firestore, openId)));
    return incident.exists() && !Phase.CLOSED.name().equals(incident.getString("phase")) ? openId : null;
  }

  private Incident newIncident(Alert alert, AlertRule rule, Instant now) {
    String system = alert.labels().getOrDefault("system", alert.resource().name());
    Triage initial = new Triage(null, rule.severity(), rule.cia(), null, List.of(system), List.of(), List.of(), null,
        null, null, null, null, null, null, null);
    String title = (alert.policyName() != null ? alert.policyName() : rule.signal()) + ": " + alert.resource().name();
    return Incident.fromAlert(ids.next(), title.length() > 200 ? title.substring(0, 200) : title, alert.startedAt(),
        now, initial, alert.url());
  }

  /** Records a message that is not an alert, once, with the reason and never the payload. */
  void reject(String messageId, MalformedAlert reason, int bytes, Instant publishTime) {
    Instant now = clock.instant();
    DocumentReference ref = db.get().collection(CollectionNames.REJECTED_ALERTS).document(deliveryId(messageId));
    try {
      FirestoreErrors.await(ref.create(Doc.fields().put("messageId", messageId).put("code", reason.code())
          .put("reason", reason.getMessage()).put("bytes", bytes).put("publishTime", publishTime)
          .put("receivedAt", now).put("expireAt", now.plus(Duration.ofDays(90))).map()));
    } catch (RuntimeException e) {
      if (!FirestoreErrors.isAlreadyExists(e)) {
        throw e;
      }
    }
  }

  private static String summary(AlertTriage.Effect effect, AlertRecord record, boolean created) {
    return "Alert " + effect.name().toLowerCase().replace('_', ' ') + ": " + record.signal() + ", " + record.severity()
        + (record.incidentId() == null ? ", no incident" : created ? ", opened " + record.incidentId()
            : ", incident " + record.incidentId());
  }

  private static Map<String, Object> auditAfter(AlertRecord r, boolean created) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", r.state().name());
    after.put("signal", r.signal());
    after.put("severity", r.severity().name());
    after.put("rule", r.rule());
    after.put("incidentId", r.incidentId());
    after.put("incidentCreated", created);
    return after;
  }

  private static Map<String, Object> timelineAfter(Alert alert, AlertRecord r) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("alert", alert.documentId());
    after.put("signal", r.signal());
    after.put("severity", r.severity().name());
    after.put("url", r.url());
    // Not the notification's summary text: open and closed notifications word it differently, and the
    // entry must read the same whichever of them arrives first. The monitoring link has the details.
    after.put("condition", alert.conditionName());
    return after;
  }

  private static String describe(AlertRecord r) {
    return (r.policyName() != null ? r.policyName() : r.signal()) + " on " + r.resourceName() + " (" + r.signal()
        + ", " + r.severity() + ")";
  }

  private static String deliveryId(String messageId) {
    return "pubsub-" + Hashes.sha256(messageId).substring(0, 40);
  }

}
