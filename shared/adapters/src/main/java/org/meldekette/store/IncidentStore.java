package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import com.google.cloud.firestore.WriteBatch;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Incident;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.StaleVersion;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.lifecycle.Outcome;

/**
 * Incidents in Firestore: opening an incident, changing it in one transaction, and the reads of the
 * API. What follows a commit (the audit log, reminders, notifications) is left to the {@link
 * CommitListener}.
 */
public final class IncidentStore {
  /**
   * Contention on one incident retries the whole transaction; a few more tries than the default
   * five.
   */
  private static final int TRANSACTION_ATTEMPTS = 10;

  /**
   * Firestore takes at most 500 writes in one commit; opening an incident writes three documents.
   */
  private static final int OPENINGS_PER_COMMIT = 500 / 3;

  private final Firestore db;
  private final DeadlinePolicy policy;
  private final IncidentWrites incidents;
  private final CommitListener listener;

  public IncidentStore(Firestore db, DeadlinePolicy policy, CommitListener listener) {
    this.db = db;
    this.policy = policy;
    this.incidents = new IncidentWrites(db, policy);
    this.listener = listener;
  }

  /**
   * Opens incidents (made by the domain: {@link org.meldekette.domain.lifecycle.Openings#opened}),
   * many to a commit; an ID already taken fails its commit and is never overwritten.
   */
  public void open(List<Outcome> openings) {
    for (int from = 0; from < openings.size(); from += OPENINGS_PER_COMMIT) {
      List<Outcome> part =
          openings.subList(from, Math.min(openings.size(), from + OPENINGS_PER_COMMIT));
      WriteBatch batch = db.batch();
      List<AuditEvent> events = part.stream().map(opened -> incidents.open(batch, opened)).toList();
      FirestoreErrors.await(batch.commit());
      for (int i = 0; i < part.size(); i++) {
        Incident incident = part.get(i).incident();
        listener.committed(
            new Committed(
                List.of(events.get(i)),
                incident,
                true,
                incidents.openingDeadlines(incident),
                true));
      }
    }
  }

  /** What a change does inside its transaction, given the incident as it is now. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(IncidentTx tx, Incident current);
  }

  /**
   * {@link #update} for a change of the incident document alone (no records of its own): the
   * outcome the domain gives for the incident as it is now.
   */
  public Outcome change(
      String incidentId,
      long expectedVersion,
      MemberConfirmation by,
      Function<Incident, Outcome> change) {
    return update(
        incidentId, expectedVersion, by, (tx, incident) -> tx.apply(change.apply(incident)));
  }

  /**
   * Runs {@code work} on the incident in one transaction, if the incident is still at {@code
   * expectedVersion} (the If-Match the caller read). Firestore retries the transaction on
   * contention, so of two concurrent changes based on the same version exactly one applies; the
   * other sees the new version and fails with {@link StaleVersion}. The change's audit event is
   * exported to the audit log once the transaction has committed, and when the change moved a
   * deadline, its reminders are queued. The member {@code by} is confirmed in the same transaction
   * (their document is read with the incident): a member removed or stripped of a role meanwhile
   * changes nothing.
   */
  public <T> T update(
      String incidentId, long expectedVersion, MemberConfirmation by, Work<T> work) {
    return run(incidentId, expectedVersion, java.util.Objects.requireNonNull(by), work);
  }

  /**
   * {@link #update} on whatever version the incident has: for what Meldekette adds on its own (a
   * finished log capture, a checked upload), which does not depend on what anybody saw.
   */
  public <T> T updateCurrent(String incidentId, Work<T> work) {
    return run(incidentId, null, null, work);
  }

  private <T> T run(String incidentId, Long expectedVersion, MemberConfirmation by, Work<T> work) {
    AtomicReference<AuditEvent> recorded = new AtomicReference<>();
    AtomicReference<Incident> changed = new AtomicReference<>();
    AtomicReference<List<Deadline>> deadlines = new AtomicReference<>();
    AtomicReference<Boolean> moved = new AtomicReference<>(false);
    T result =
        FirestoreErrors.await(
            db.runTransaction(
                transaction -> {
                  DocumentSnapshot snapshot = read(transaction, incidentId, by);
                  if (!snapshot.exists()) {
                    throw new NotFound("no incident " + incidentId);
                  }
                  Incident current = IncidentDocuments.incident(snapshot);
                  if (expectedVersion != null && current.version() != expectedVersion) {
                    throw new StaleVersion(expectedVersion, current.version());
                  }
                  IncidentTx tx = new IncidentTx(db, transaction, snapshot, incidents);
                  T outcome = work.apply(tx, current);
                  tx.applyWrites();
                  // The last attempt's event and deadlines are the ones that commit.
                  recorded.set(tx.recorded());
                  changed.set(tx.changed());
                  deadlines.set(tx.deadlinesAfter());
                  moved.set(
                      tx.deadlinesAfter() != null
                          && dueTimesChanged(
                              DeadlineDocuments.deadlines(snapshot, policy.regimes()),
                              tx.deadlinesAfter()));
                  return outcome;
                },
                TransactionOptions.create(TRANSACTION_ATTEMPTS)));
    if (recorded.get() != null) {
      listener.committed(
          new Committed(
              List.of(recorded.get()), changed.get(), false, deadlines.get(), moved.get()));
    }
    return result;
  }

  /**
   * The incident as the transaction sees it, once {@code by} (if any) is confirmed: both documents
   * in one read, and the member first, so nobody learns which incidents exist from a refusal.
   */
  private DocumentSnapshot read(Transaction transaction, String incidentId, MemberConfirmation by) {
    DocumentReference incident = reference(db, incidentId);
    if (by == null) {
      return FirestoreErrors.await(transaction.get(incident));
    }
    List<DocumentSnapshot> both =
        FirestoreErrors.await(transaction.getAll(incident, MemberStore.reference(db, by.email())));
    by.confirm(MemberStore.read(both.get(1)));
    return both.get(0);
  }

  /** Whether an open deadline appeared or its due time moved. */
  private static boolean dueTimesChanged(List<Deadline> before, List<Deadline> after) {
    java.util.Set<String> was = new java.util.HashSet<>();
    before.stream().filter(Deadline::isOpen).forEach(d -> was.add(d.key() + "@" + d.dueAt()));
    return after.stream()
        .filter(Deadline::isOpen)
        .anyMatch(d -> !was.contains(d.key() + "@" + d.dueAt()));
  }

  /** The incident's document path: the name of its audit stream. */
  public static String path(String incidentId) {
    return CollectionNames.INCIDENTS + "/" + incidentId;
  }

  public static DocumentReference reference(Firestore db, String incidentId) {
    return db.collection(CollectionNames.INCIDENTS).document(incidentId);
  }
}
