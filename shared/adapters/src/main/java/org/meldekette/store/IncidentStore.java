package org.meldekette.store;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.TransactionOptions;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.meldekette.domain.Approval;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Lifecycle;
import org.meldekette.domain.Measure;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.Severity;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.StaleVersion;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.alert.AlertRecord;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.domain.report.IssuedReport;

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
   * Opens incidents (made by the domain: {@link org.meldekette.domain.Lifecycle#opened}), many to a
   * commit; an ID already taken fails its commit and is never overwritten.
   */
  public void open(List<Lifecycle.Outcome> openings) {
    for (int from = 0; from < openings.size(); from += OPENINGS_PER_COMMIT) {
      List<Lifecycle.Outcome> part =
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
   * Runs {@code work} on the incident in one transaction, if the incident is still at {@code
   * expectedVersion} (the If-Match the caller read). Firestore retries the transaction on
   * contention, so of two concurrent changes based on the same version exactly one applies; the
   * other sees the new version and fails with {@link StaleVersion}. The change's audit event is
   * exported to the audit log once the transaction has committed, and when the change moved a
   * deadline, its reminders are queued.
   */
  /**
   * {@link #update} for a change of the incident document alone (no records of its own): the
   * outcome the domain gives for the incident as it is now.
   */
  public Lifecycle.Outcome change(
      String incidentId, long expectedVersion, Function<Incident, Lifecycle.Outcome> change) {
    return update(incidentId, expectedVersion, (tx, incident) -> tx.apply(change.apply(incident)));
  }

  public <T> T update(String incidentId, long expectedVersion, Work<T> work) {
    AtomicReference<AuditEvent> recorded = new AtomicReference<>();
    AtomicReference<Incident> changed = new AtomicReference<>();
    AtomicReference<List<Deadline>> deadlines = new AtomicReference<>();
    AtomicReference<Boolean> moved = new AtomicReference<>(false);
    T result =
        FirestoreErrors.await(
            db.runTransaction(
                transaction -> {
                  DocumentSnapshot snapshot =
                      FirestoreErrors.await(transaction.get(reference(db, incidentId)));
                  if (!snapshot.exists()) {
                    throw new NotFound("no incident " + incidentId);
                  }
                  Incident current = IncidentDocuments.incident(snapshot);
                  if (current.version() != expectedVersion) {
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

  /** Whether an open deadline appeared or its due time moved. */
  private static boolean dueTimesChanged(List<Deadline> before, List<Deadline> after) {
    java.util.Set<String> was = new java.util.HashSet<>();
    before.stream().filter(Deadline::isOpen).forEach(d -> was.add(d.key() + "@" + d.dueAt()));
    return after.stream()
        .filter(Deadline::isOpen)
        .anyMatch(d -> !was.contains(d.key() + "@" + d.dueAt()));
  }

  /** An incident with the deadlines its document carries. */
  public record Stored(Incident incident, List<Deadline> deadlines) {}

  private Stored stored(DocumentSnapshot snapshot) {
    return new Stored(
        IncidentDocuments.incident(snapshot),
        DeadlineDocuments.deadlines(snapshot, policy.regimes()));
  }

  public Stored getStored(String incidentId) {
    DocumentSnapshot snapshot = FirestoreErrors.await(reference(db, incidentId).get());
    if (!snapshot.exists()) {
      throw new NotFound("no incident " + incidentId);
    }
    return stored(snapshot);
  }

  /** Everything about the incident a draft, the final report or the register is built from. */
  public IncidentFile file(String incidentId) {
    return file(getStored(incidentId));
  }

  public IncidentFile file(Stored stored) {
    String id = stored.incident().id();
    return new IncidentFile(
        stored.incident(),
        stored.deadlines(),
        measures(id),
        evidence(id),
        decisions(id),
        communications(id),
        fullTimeline(id));
  }

  public Optional<Incident> find(String incidentId) {
    DocumentSnapshot snapshot = FirestoreErrors.await(reference(db, incidentId).get());
    return snapshot.exists() ? Optional.of(IncidentDocuments.incident(snapshot)) : Optional.empty();
  }

  public Incident get(String incidentId) {
    return find(incidentId).orElseThrow(() -> new NotFound("no incident " + incidentId));
  }

  /**
   * Filters for listing incidents; null means any. {@code overdueAt} lists only incidents with a
   * deadline due before that time; {@code byNextDeadline} sorts by the next open deadline (then
   * only incidents that have one are listed).
   */
  /**
   * @param teamMember only incidents whose team names this email (the console's "mine")
   */
  public record Filter(
      Phase phase,
      Classification classification,
      Severity severity,
      Instant overdueAt,
      boolean byNextDeadline,
      String teamMember) {}

  /**
   * Newest first, or by next deadline; uses the composite indexes (filter field, createdAt desc)
   * and (filter field, nextDeadlineAt) in firestore.indexes.json.
   */
  public Page<Stored> list(Filter filter, int pageSize, String pageToken) {
    Query query = db.collection(CollectionNames.INCIDENTS);
    if (filter.phase() != null) {
      query = query.whereEqualTo("phase", filter.phase().name());
    }
    if (filter.classification() != null) {
      query = query.whereEqualTo("classification", filter.classification().name());
    }
    if (filter.severity() != null) {
      query = query.whereEqualTo("severity", filter.severity().name());
    }
    if (filter.teamMember() != null) {
      query = query.whereArrayContains("team", filter.teamMember());
    }
    if (filter.overdueAt() != null) {
      query = query.whereLessThan("nextDeadlineAt", Timestamps.of(filter.overdueAt()));
    }
    if (filter.overdueAt() != null || filter.byNextDeadline()) {
      query = query.orderBy("nextDeadlineAt").orderBy(FieldPath.documentId());
      return page(query, "nextDeadlineAt", pageSize, pageToken, this::stored);
    }
    query =
        query
            .orderBy("createdAt", Query.Direction.DESCENDING)
            .orderBy(FieldPath.documentId(), Query.Direction.DESCENDING);
    return page(query, "createdAt", pageSize, pageToken, this::stored);
  }

  /**
   * Everything the exit criteria look at, read at once: the five queries go out together, so a read
   * of an incident waits for the slowest, not for their sum.
   */
  public IncidentRecords records(String incidentId) {
    DocumentReference incident = reference(db, incidentId);
    var measures = incident.collection(CollectionNames.MEASURES).get();
    var evidence = incident.collection(CollectionNames.EVIDENCE).count().get();
    var decisions = incident.collection(CollectionNames.DECISIONS).get();
    var extensions = incident.collection(CollectionNames.RETENTION_EXTENSIONS).get();
    var communications = incident.collection(CollectionNames.COMMUNICATIONS).get();
    return new IncidentRecords(
        sorted(
            FirestoreErrors.await(measures),
            RecordDocuments::measure,
            Comparator.comparing(Measure::createdAt).thenComparing(Measure::id)),
        FirestoreErrors.await(evidence).getCount(),
        sorted(
            FirestoreErrors.await(decisions),
            RecordDocuments::decision,
            Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id)),
        sorted(
            FirestoreErrors.await(extensions),
            RecordDocuments::retentionExtension,
            Comparator.comparing(RetentionExtension::id)),
        sorted(
            FirestoreErrors.await(communications),
            RecordDocuments::communication,
            Comparator.comparing(Communication::sentAt).thenComparing(Communication::id)));
  }

  private static <T> List<T> sorted(
      com.google.cloud.firestore.QuerySnapshot snapshot,
      Function<DocumentSnapshot, T> mapper,
      Comparator<T> order) {
    return snapshot.getDocuments().stream().map(mapper).sorted(order).toList();
  }

  /** Oldest first: the order things happened in. */
  public Page<TimelineEntry> timeline(String incidentId, int pageSize, String pageToken) {
    Query query =
        reference(db, incidentId)
            .collection(CollectionNames.TIMELINE)
            .orderBy("at")
            .orderBy(FieldPath.documentId());
    return page(query, "at", pageSize, pageToken, IncidentStore::timelineEntry);
  }

  public List<Measure> measures(String incidentId) {
    return inOrder(incidentId, CollectionNames.MEASURES, "createdAt", RecordDocuments::measure);
  }

  public List<Evidence> evidence(String incidentId) {
    return inOrder(incidentId, CollectionNames.EVIDENCE, "recordedAt", RecordDocuments::evidence);
  }

  public List<CustodyEntry> custody(String incidentId, String evidenceId) {
    return all(
        reference(db, incidentId)
            .collection(CollectionNames.EVIDENCE)
            .document(evidenceId)
            .collection(CollectionNames.CUSTODY)
            .orderBy("sequence"),
        RecordDocuments::custody);
  }

  public List<Decision> decisions(String incidentId) {
    return inOrder(incidentId, CollectionNames.DECISIONS, "decidedAt", RecordDocuments::decision);
  }

  public List<Communication> communications(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.COMMUNICATIONS, "sentAt", RecordDocuments::communication);
  }

  public List<Approval> approvals(String incidentId) {
    return inOrder(incidentId, CollectionNames.APPROVALS, "approvedAt", RecordDocuments::approval);
  }

  /** The messages between the team and the reporter, oldest first. */
  public List<ReporterMessage> reporterMessages(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.REPORTER_MESSAGES, "at", RecordDocuments::reporterMessage);
  }

  /** The whole timeline, oldest first. */
  public List<TimelineEntry> fullTimeline(String incidentId) {
    return inOrder(incidentId, CollectionNames.TIMELINE, "at", IncidentStore::timelineEntry);
  }

  /**
   * Every incident ever classified as a breach, detected in [from, to), oldest first: a breach
   * reclassified later stays in the register with its history (Art. 33(5)). Incidents written
   * before {@code everBreach} existed carry only their classification, so both are asked for.
   */
  public List<Stored> breaches(Instant from, Instant to) {
    Map<String, Stored> found = new LinkedHashMap<>();
    for (Query query :
        List.of(
            db.collection(CollectionNames.INCIDENTS).whereEqualTo("everBreach", true),
            db.collection(CollectionNames.INCIDENTS)
                .whereEqualTo("classification", Classification.BREACH.name()))) {
      for (Stored stored :
          all(
              query
                  .whereGreaterThanOrEqualTo("detectedAt", Timestamps.of(from))
                  .whereLessThan("detectedAt", Timestamps.of(to))
                  .orderBy("detectedAt"),
              this::stored)) {
        found.putIfAbsent(stored.incident().id(), stored);
      }
    }
    return found.values().stream()
        .sorted(
            java.util.Comparator.comparing((Stored s) -> s.incident().detectedAt())
                .thenComparing(s -> s.incident().id()))
        .toList();
  }

  /** Triage changes of legal facts, filed and approved, oldest first. */
  public List<TriageChangeRequest> triageChanges(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.TRIAGE_CHANGES, "requestedAt", RecordDocuments::triageChange);
  }

  /** The final reports issued, by version. */
  public List<IssuedReport> issuedReports(String incidentId) {
    return all(
        reference(db, incidentId).collection(CollectionNames.FINAL_REPORTS).orderBy("version"),
        RecordDocuments::issuedReport);
  }

  public List<RetentionExtension> retentionExtensions(String incidentId) {
    return all(
        reference(db, incidentId)
            .collection(CollectionNames.RETENTION_EXTENSIONS)
            .orderBy(FieldPath.documentId()),
        RecordDocuments::retentionExtension);
  }

  /** The alerts that opened or joined the incident, oldest first. */
  public List<AlertRecord> alerts(String incidentId) {
    return all(
        db.collection(CollectionNames.ALERTS)
            .whereEqualTo("incidentId", incidentId)
            .orderBy("startedAt"),
        AlertDocuments::record);
  }

  public List<SkipRequest> skipRequests(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.SKIP_REQUESTS, "requestedAt", RecordDocuments::skipRequest);
  }

  /** The incident's document path: the name of its audit stream. */
  public static String path(String incidentId) {
    return CollectionNames.INCIDENTS + "/" + incidentId;
  }

  public static DocumentReference reference(Firestore db, String incidentId) {
    return db.collection(CollectionNames.INCIDENTS).document(incidentId);
  }

  /** An incident's records of one kind, ordered by {@code field}, ties by document ID. */
  private <T> List<T> inOrder(
      String incidentId, String collection, String field, Function<DocumentSnapshot, T> mapper) {
    return all(
        reference(db, incidentId)
            .collection(collection)
            .orderBy(field)
            .orderBy(FieldPath.documentId()),
        mapper);
  }

  private static <T> List<T> all(Query query, Function<DocumentSnapshot, T> mapper) {
    return FirestoreErrors.await(query.get()).getDocuments().stream().map(mapper).toList();
  }

  private static <T> Page<T> page(
      Query query,
      String sortField,
      int pageSize,
      String pageToken,
      Function<DocumentSnapshot, T> mapper) {
    if (pageToken != null) {
      PageTokens.Position after = PageTokens.parse(pageToken);
      query = query.startAfter(after.at(), after.id());
    }
    List<QueryDocumentSnapshot> documents =
        FirestoreErrors.await(query.limit(pageSize + 1).get()).getDocuments();
    List<T> items = new ArrayList<>();
    for (int i = 0; i < Math.min(pageSize, documents.size()); i++) {
      items.add(mapper.apply(documents.get(i)));
    }
    String next = null;
    if (documents.size() > pageSize) {
      QueryDocumentSnapshot last = documents.get(pageSize - 1);
      next = PageTokens.of((Timestamp) last.get(sortField), last.getId());
    }
    return new Page<>(items, next);
  }

  private static TimelineEntry timelineEntry(DocumentSnapshot snapshot) {
    Doc doc = Doc.of(snapshot.getData());
    return new TimelineEntry(
        snapshot.getId(),
        doc.instant("at"),
        doc.string("type"),
        doc.string("actorKind"),
        doc.string("actorId"),
        doc.string("summary"),
        doc.map("before"),
        doc.map("after"));
  }
}
