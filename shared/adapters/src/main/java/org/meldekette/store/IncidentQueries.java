package org.meldekette.store;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Measure;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.Severity;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.TimelineEntry;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.alert.AlertRecord;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.report.IncidentFile;
import org.meldekette.domain.report.IssuedReport;
import org.meldekette.domain.risk.RiskAssessment;

/**
 * The reads of incidents and their records outside a transaction: one incident, its records of each
 * kind in the order they happened, the listings of the API (with the indexes in
 * firestore.indexes.json), and everything a draft or report is built from. Changes go through
 * {@link IncidentStore}.
 */
public final class IncidentQueries {
  private final Firestore db;
  private final DeadlinePolicy policy;

  public IncidentQueries(Firestore db, DeadlinePolicy policy) {
    this.db = db;
    this.policy = policy;
  }

  private StoredIncident stored(DocumentSnapshot snapshot) {
    return new StoredIncident(
        IncidentDocuments.incident(snapshot),
        DeadlineDocuments.deadlines(snapshot, policy.regimes()),
        RecordCopies.read(snapshot));
  }

  public StoredIncident getStored(String incidentId) {
    DocumentSnapshot snapshot =
        FirestoreErrors.await(IncidentStore.reference(db, incidentId).get());
    if (!snapshot.exists()) {
      throw new NotFound("no incident " + incidentId);
    }
    return stored(snapshot);
  }

  /** Everything about the incident a draft, the final report or the register is built from. */
  public IncidentFile file(String incidentId) {
    return file(getStored(incidentId));
  }

  public IncidentFile file(StoredIncident stored) {
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
    DocumentSnapshot snapshot =
        FirestoreErrors.await(IncidentStore.reference(db, incidentId).get());
    return snapshot.exists() ? Optional.of(IncidentDocuments.incident(snapshot)) : Optional.empty();
  }

  public Incident get(String incidentId) {
    return find(incidentId).orElseThrow(() -> new NotFound("no incident " + incidentId));
  }

  /**
   * Filters for listing incidents; null means any. {@code overdueAt} lists only incidents with a
   * deadline due before that time; {@code byNextDeadline} sorts by the next open deadline (then
   * only incidents that have one are listed).
   *
   * @param teamMember only incidents whose team names this email (the console's "mine")
   * @param held true: only reports held for screening (a surge); false: none of them
   */
  public record Filter(
      Phase phase,
      Classification classification,
      Severity severity,
      Instant overdueAt,
      boolean byNextDeadline,
      String teamMember,
      Boolean held) {}

  /**
   * Newest first, or by next deadline; uses the composite indexes (filter field, createdAt desc)
   * and (filter field, nextDeadlineAt) in firestore.indexes.json.
   */
  public Page<StoredIncident> list(Filter filter, int pageSize, String pageToken) {
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
    if (filter.held() != null) {
      query = query.whereEqualTo("held", filter.held());
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

  /** Everything the exit criteria look at: the incident's copy, or read when it has none. */
  public IncidentRecords records(StoredIncident stored) {
    return stored.copiedRecords() != null
        ? stored.copiedRecords()
        : records(stored.incident().id());
  }

  /**
   * Everything the exit criteria look at, read from the records themselves: the five queries go out
   * together, so a read of an incident waits for the slowest, not for their sum.
   */
  public IncidentRecords records(String incidentId) {
    DocumentReference incident = IncidentStore.reference(db, incidentId);
    var measures = incident.collection(CollectionNames.MEASURES).get();
    var evidence = incident.collection(CollectionNames.EVIDENCE).count().get();
    var decisions = incident.collection(CollectionNames.DECISIONS).get();
    var extensions = incident.collection(CollectionNames.RETENTION_EXTENSIONS).get();
    var communications = incident.collection(CollectionNames.COMMUNICATIONS).get();
    return new IncidentRecords(
        sorted(
            FirestoreErrors.await(measures),
            MeasureDocuments::read,
            Comparator.comparing(Measure::createdAt).thenComparing(Measure::id)),
        FirestoreErrors.await(evidence).getCount(),
        sorted(
            FirestoreErrors.await(decisions),
            DecisionDocuments::read,
            Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id)),
        sorted(
            FirestoreErrors.await(extensions),
            RetentionExtensionDocuments::read,
            Comparator.comparing(RetentionExtension::id)),
        sorted(
            FirestoreErrors.await(communications),
            CommunicationDocuments::read,
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
        IncidentStore.reference(db, incidentId)
            .collection(CollectionNames.TIMELINE)
            .orderBy("at")
            .orderBy(FieldPath.documentId());
    return page(query, "at", pageSize, pageToken, IncidentQueries::timelineEntry);
  }

  public List<Measure> measures(String incidentId) {
    return inOrder(incidentId, CollectionNames.MEASURES, "createdAt", MeasureDocuments::read);
  }

  public List<Evidence> evidence(String incidentId) {
    return inOrder(incidentId, CollectionNames.EVIDENCE, "recordedAt", EvidenceDocuments::read);
  }

  public List<CustodyEntry> custody(String incidentId, String evidenceId) {
    return all(
        IncidentStore.reference(db, incidentId)
            .collection(CollectionNames.EVIDENCE)
            .document(evidenceId)
            .collection(CollectionNames.CUSTODY)
            .orderBy("sequence"),
        CustodyDocuments::read);
  }

  public List<Decision> decisions(String incidentId) {
    return inOrder(incidentId, CollectionNames.DECISIONS, "decidedAt", DecisionDocuments::read);
  }

  public List<Communication> communications(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.COMMUNICATIONS, "sentAt", CommunicationDocuments::read);
  }

  public List<Approval> approvals(String incidentId) {
    return inOrder(incidentId, CollectionNames.APPROVALS, "approvedAt", ApprovalDocuments::read);
  }

  /** The messages between the team and the reporter, oldest first. */
  public List<ReporterMessage> reporterMessages(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.REPORTER_MESSAGES, "at", ReporterMessageDocuments::read);
  }

  /** The whole timeline, oldest first. */
  public List<TimelineEntry> fullTimeline(String incidentId) {
    return inOrder(incidentId, CollectionNames.TIMELINE, "at", IncidentQueries::timelineEntry);
  }

  /**
   * Every incident ever classified as a breach, detected in [from, to), oldest first: a breach
   * reclassified later stays in the register with its history (Art. 33(5)). Incidents written
   * before {@code everBreach} existed carry only their classification, so both are asked for.
   */
  public List<StoredIncident> breaches(Instant from, Instant to) {
    Map<String, StoredIncident> found = new LinkedHashMap<>();
    for (Query query :
        List.of(
            db.collection(CollectionNames.INCIDENTS).whereEqualTo("everBreach", true),
            db.collection(CollectionNames.INCIDENTS)
                .whereEqualTo("classification", Classification.BREACH.name()))) {
      for (StoredIncident stored :
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
            java.util.Comparator.comparing((StoredIncident s) -> s.incident().detectedAt())
                .thenComparing(s -> s.incident().id()))
        .toList();
  }

  /** Triage changes of legal facts, filed and approved, oldest first. */
  public List<TriageChangeRequest> triageChanges(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.TRIAGE_CHANGES, "requestedAt", TriageChangeDocuments::read);
  }

  /** The risk assessments of an incident, oldest first. */
  public List<RiskAssessment> riskAssessments(String incidentId) {
    return inOrder(incidentId, CollectionNames.RISK_ASSESSMENTS, "sequence", RiskDocuments::read);
  }

  /** The final reports issued, by version. */
  public List<IssuedReport> issuedReports(String incidentId) {
    return all(
        IncidentStore.reference(db, incidentId)
            .collection(CollectionNames.FINAL_REPORTS)
            .orderBy("version"),
        IssuedReportDocuments::read);
  }

  public List<RetentionExtension> retentionExtensions(String incidentId) {
    return all(
        IncidentStore.reference(db, incidentId)
            .collection(CollectionNames.RETENTION_EXTENSIONS)
            .orderBy(FieldPath.documentId()),
        RetentionExtensionDocuments::read);
  }

  /** The alerts that opened or joined the incident, oldest first. */
  public List<AlertRecord> alerts(String incidentId) {
    return all(
        db.collection(CollectionNames.ALERTS)
            .whereEqualTo("incidentId", incidentId)
            .orderBy("startedAt"),
        AlertDocuments::record);
  }

  /** A request to close as not an incident, with the incident it is about. */
  public record PendingDismissal(String incidentId, DismissalRequest request) {}

  /**
   * Every request to close as not an incident that waits for the second line, oldest first: one
   * collection-group query (its index is in firestore.indexes.json).
   */
  public List<PendingDismissal> pendingDismissals() {
    return all(
        db.collectionGroup(CollectionNames.DISMISSAL_REQUESTS)
            .whereEqualTo("status", SkipRequest.Status.PENDING.name())
            .orderBy("requestedAt"),
        snapshot ->
            new PendingDismissal(
                DismissalRequestDocuments.incidentId(snapshot),
                DismissalRequestDocuments.read(snapshot)));
  }

  public List<DismissalRequest> dismissalRequests(String incidentId) {
    return inOrder(
        incidentId,
        CollectionNames.DISMISSAL_REQUESTS,
        "requestedAt",
        DismissalRequestDocuments::read);
  }

  public List<SkipRequest> skipRequests(String incidentId) {
    return inOrder(
        incidentId, CollectionNames.SKIP_REQUESTS, "requestedAt", SkipRequestDocuments::read);
  }

  /** An incident's records of one kind, ordered by {@code field}, ties by document ID. */
  private <T> List<T> inOrder(
      String incidentId, String collection, String field, Function<DocumentSnapshot, T> mapper) {
    return all(
        IncidentStore.reference(db, incidentId)
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
