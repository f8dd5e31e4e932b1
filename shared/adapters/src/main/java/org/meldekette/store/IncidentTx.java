package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.meldekette.domain.Approval;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Communication;
import org.meldekette.domain.CustodyEntry;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DismissalRequest;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Measure;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.RetentionExtension;
import org.meldekette.domain.SkipRequest;
import org.meldekette.domain.TriageChangeRequest;
import org.meldekette.domain.deadline.Deadline;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.report.IssuedReport;
import org.meldekette.domain.risk.RiskAssessment;

/**
 * One incident inside one Firestore transaction: reads of the records beside it, and writes that
 * are held back until the work is done (Firestore wants every read before the first write) and then
 * applied together.
 */
public final class IncidentTx {
  private final Firestore db;
  private final Transaction transaction;
  private final DocumentSnapshot snapshot;
  private final String incidentId;
  private final IncidentWrites incidents;
  private final List<Consumer<Transaction>> writes = new ArrayList<>();
  private final RecordsInTx records;

  private AuditEvent recorded;
  private Incident changed;
  private List<Deadline> deadlines;

  IncidentTx(
      Firestore db, Transaction transaction, DocumentSnapshot snapshot, IncidentWrites incidents) {
    this.db = db;
    this.transaction = transaction;
    this.snapshot = snapshot;
    this.incidentId = snapshot.getId();
    this.incidents = incidents;
    this.records =
        new RecordsInTx(
            transaction,
            incidentRef(),
            RecordCopies.read(snapshot),
            RecordCopies.approvals(snapshot));
  }

  /** The measures, with those this transaction adds or changes. */
  public List<Measure> measures() {
    return records.measures();
  }

  public Optional<Measure> measure(String measureId) {
    return read(incidentRef().collection(CollectionNames.MEASURES).document(measureId))
        .map(MeasureDocuments::read);
  }

  /** How many pieces of evidence the incident has, with those this transaction records. */
  public long evidenceCount() {
    return records.evidenceCount();
  }

  public Optional<Evidence> evidence(String evidenceId) {
    return read(evidenceRef(evidenceId)).map(EvidenceDocuments::read);
  }

  public List<CustodyEntry> custody(String evidenceId) {
    return FirestoreErrors.await(
            transaction.get(evidenceRef(evidenceId).collection(CollectionNames.CUSTODY)))
        .getDocuments()
        .stream()
        .map(CustodyDocuments::read)
        .sorted(Comparator.comparingInt(CustodyEntry::sequence))
        .toList();
  }

  /** The decisions, including one this transaction is about to write. */
  public List<Decision> decisions() {
    return records.decisions();
  }

  /** The incident's deadlines as they stand with what this transaction has recorded so far. */
  public List<Deadline> deadlines(Incident incident) {
    return incidents.policy().deadlines(new IncidentFacts(incident, records()));
  }

  /** The approvals to communicate, with one this transaction records. */
  public List<Approval> approvals() {
    return records.approvals();
  }

  /** The communications, including one this transaction is about to write. */
  public List<Communication> communications() {
    return records.communications();
  }

  public void createApproval(Approval approval) {
    records.approval(approval);
    create(
        incidentRef().collection(CollectionNames.APPROVALS).document(approval.id()),
        ApprovalDocuments.fields(approval));
  }

  public void createCommunication(Communication communication) {
    records.communication(communication);
    create(
        incidentRef().collection(CollectionNames.COMMUNICATIONS).document(communication.id()),
        CommunicationDocuments.fields(communication));
  }

  public Optional<DismissalRequest> dismissalRequest(String requestId) {
    return read(incidentRef().collection(CollectionNames.DISMISSAL_REQUESTS).document(requestId))
        .map(DismissalRequestDocuments::read);
  }

  /** Whether a request to close as not an incident waits for approval. */
  public boolean dismissalPending() {
    return FirestoreErrors.await(
                transaction.get(
                    incidentRef()
                        .collection(CollectionNames.DISMISSAL_REQUESTS)
                        .whereEqualTo("status", SkipRequest.Status.PENDING.name())))
            .size()
        > 0;
  }

  public void saveDismissalRequest(DismissalRequest request) {
    Map<String, Object> fields = DismissalRequestDocuments.fields(incidentId, request);
    DocumentReference ref =
        incidentRef().collection(CollectionNames.DISMISSAL_REQUESTS).document(request.id());
    writes.add(t -> t.set(ref, fields));
  }

  public Optional<SkipRequest> skipRequest(String requestId) {
    return read(incidentRef().collection(CollectionNames.SKIP_REQUESTS).document(requestId))
        .map(SkipRequestDocuments::read);
  }

  /** The retention extensions, with those this transaction adds or changes. */
  public List<RetentionExtension> retentionExtensions() {
    return records.retentionExtensions();
  }

  public Optional<RetentionExtension> retentionExtension(String extensionId) {
    return read(incidentRef()
            .collection(CollectionNames.RETENTION_EXTENSIONS)
            .document(extensionId))
        .map(RetentionExtensionDocuments::read);
  }

  public void saveRetentionExtension(RetentionExtension extension) {
    records.retentionExtension(extension);
    Map<String, Object> fields = RetentionExtensionDocuments.fields(extension);
    DocumentReference ref =
        incidentRef().collection(CollectionNames.RETENTION_EXTENSIONS).document(extension.id());
    writes.add(t -> t.set(ref, fields));
  }

  /** Everything the exit criteria look at. */
  public IncidentRecords records() {
    return records.all();
  }

  public void createMeasure(Measure measure) {
    records.measure(measure);
    create(
        incidentRef().collection(CollectionNames.MEASURES).document(measure.id()),
        MeasureDocuments.fields(measure));
  }

  public void updateMeasure(Measure measure) {
    records.measure(measure);
    Map<String, Object> fields = MeasureDocuments.fields(measure);
    DocumentReference ref =
        incidentRef().collection(CollectionNames.MEASURES).document(measure.id());
    writes.add(t -> t.set(ref, fields));
  }

  /**
   * Evidence is created once; the precondition makes a second write of the same ID fail rather than
   * replace.
   */
  public void createEvidence(Evidence evidence) {
    records.evidence();
    create(evidenceRef(evidence.id()), EvidenceDocuments.fields(evidence));
  }

  public void appendCustody(String evidenceId, CustodyEntry entry) {
    create(
        evidenceRef(evidenceId)
            .collection(CollectionNames.CUSTODY)
            .document(String.format("%06d", entry.sequence())),
        CustodyDocuments.fields(entry));
  }

  public void createReporterMessage(ReporterMessage message) {
    create(
        incidentRef().collection(CollectionNames.REPORTER_MESSAGES).document(message.id()),
        ReporterMessageDocuments.fields(message));
  }

  public void createDecision(Decision decision) {
    records.decision(decision);
    create(
        incidentRef().collection(CollectionNames.DECISIONS).document(decision.id()),
        DecisionDocuments.fields(decision));
  }

  public void saveSkipRequest(SkipRequest request) {
    Map<String, Object> fields = SkipRequestDocuments.fields(request);
    DocumentReference ref =
        incidentRef().collection(CollectionNames.SKIP_REQUESTS).document(request.id());
    writes.add(t -> t.set(ref, fields));
  }

  /**
   * Saves the incident as the outcome left it and records the change (see {@link
   * IncidentWrites#change}). One outcome per transaction: one change, one event.
   */
  public Outcome apply(Outcome outcome) {
    if (recorded != null) {
      throw new IllegalStateException("a transaction records exactly one change");
    }
    AuditEvent event = IncidentWrites.eventFor(snapshot, outcome.change());
    List<Deadline> after = deadlines(outcome.incident());
    recorded = event;
    changed = outcome.incident();
    deadlines = after;
    // Computed when the writes are applied, so records added after this call are copied too; every
    // kind was read above (deadlines), so no read follows a write.
    writes.add(
        t ->
            incidents.change(
                t,
                snapshot,
                outcome,
                event,
                after,
                RecordCopies.fields(records.all(), records.approvalsForCopy())));
    return outcome;
  }

  /** The incident as the recorded change left it. */
  Incident changed() {
    return changed;
  }

  /** The audit event this transaction recorded, for the export after commit. */
  AuditEvent recorded() {
    return recorded;
  }

  /** The deadlines as the change left them, for scheduling reminders after commit. */
  List<Deadline> deadlinesAfter() {
    return deadlines;
  }

  void applyWrites() {
    if (records.changed() && recorded == null) {
      // The incident's copy of its records would fall behind them.
      throw new IllegalStateException("records change only with a recorded change of the incident");
    }
    writes.forEach(write -> write.accept(transaction));
  }

  private void create(DocumentReference ref, Map<String, Object> fields) {
    writes.add(t -> t.create(ref, fields));
  }

  private DocumentReference incidentRef() {
    return IncidentStore.reference(db, incidentId);
  }

  /** Files a triage change for LEGAL's or the DPO's sign-off. */
  public void saveTriageChange(TriageChangeRequest request) {
    Map<String, Object> fields = TriageChangeDocuments.fields(request);
    DocumentReference ref =
        incidentRef().collection(CollectionNames.TRIAGE_CHANGES).document(request.id());
    writes.add(t -> t.set(ref, fields));
  }

  public Optional<TriageChangeRequest> triageChange(String requestId) {
    return read(incidentRef().collection(CollectionNames.TRIAGE_CHANGES).document(requestId))
        .map(TriageChangeDocuments::read);
  }

  /** A new risk assessment: created once; only the verdict on it is written later. */
  public void createRiskAssessment(RiskAssessment assessment) {
    create(riskRef(assessment.id()), RiskDocuments.fields(assessment));
  }

  /** Records the verdict on an assessment that had none (the read in this transaction said so). */
  public void saveRiskVerdict(RiskAssessment decided) {
    Map<String, Object> fields = RiskDocuments.fields(decided);
    DocumentReference ref = riskRef(decided.id());
    writes.add(t -> t.set(ref, fields));
  }

  public Optional<RiskAssessment> riskAssessment(String assessmentId) {
    return read(riskRef(assessmentId)).map(RiskDocuments::read);
  }

  /** The ID of the newest risk assessment of the incident, if any. */
  public Optional<String> latestRiskAssessmentId() {
    return FirestoreErrors.await(
            transaction.get(
                incidentRef()
                    .collection(CollectionNames.RISK_ASSESSMENTS)
                    .orderBy("sequence", com.google.cloud.firestore.Query.Direction.DESCENDING)
                    .limit(1)))
        .getDocuments()
        .stream()
        .map(d -> d.getString("id"))
        .findFirst();
  }

  private DocumentReference riskRef(String assessmentId) {
    return incidentRef().collection(CollectionNames.RISK_ASSESSMENTS).document(assessmentId);
  }

  /** Freezes an issued final report under its version: created once, never replaced. */
  public void createIssuedReport(IssuedReport report) {
    create(
        incidentRef()
            .collection(CollectionNames.FINAL_REPORTS)
            .document(String.format("%06d", report.version())),
        IssuedReportDocuments.fields(report));
  }

  private DocumentReference evidenceRef(String evidenceId) {
    return incidentRef().collection(CollectionNames.EVIDENCE).document(evidenceId);
  }

  private Optional<DocumentSnapshot> read(DocumentReference ref) {
    DocumentSnapshot snapshot = FirestoreErrors.await(transaction.get(ref));
    return snapshot.exists() ? Optional.of(snapshot) : Optional.empty();
  }
}
