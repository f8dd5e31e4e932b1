package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.Measure;
import org.meldekette.domain.RetentionExtension;

/**
 * The records an incident's exit criteria and clocks read, as one transaction sees them: what is
 * stored (the incident's copy, or read from the records' documents for an incident written before
 * copies), each kind read once, with what the transaction adds or changes on top.
 */
final class RecordsInTx {
  private final Transaction transaction;
  private final DocumentReference incident;

  /** The copy on the incident document, or null for a document written before copies. */
  private final IncidentRecords copy;

  private List<Measure> storedMeasures;
  private final List<Measure> pendingMeasures = new ArrayList<>();
  private List<Decision> storedDecisions;
  private final List<Decision> pendingDecisions = new ArrayList<>();
  private List<Communication> storedCommunications;
  private final List<Communication> pendingCommunications = new ArrayList<>();
  private List<RetentionExtension> storedExtensions;
  private final List<RetentionExtension> pendingExtensions = new ArrayList<>();
  private Long storedEvidence;
  private int pendingEvidence;
  private List<Approval> storedApprovals;
  private final List<Approval> pendingApprovals = new ArrayList<>();

  RecordsInTx(
      Transaction transaction,
      DocumentReference incident,
      IncidentRecords copy,
      List<Approval> copiedApprovals) {
    this.transaction = transaction;
    this.incident = incident;
    this.copy = copy;
    this.storedApprovals = copiedApprovals;
  }

  List<Measure> measures() {
    if (storedMeasures == null) {
      storedMeasures = copy != null ? copy.measures() : RecordReads.measures(transaction, incident);
    }
    Map<String, Measure> all = new LinkedHashMap<>();
    storedMeasures.forEach(m -> all.put(m.id(), m));
    pendingMeasures.forEach(m -> all.put(m.id(), m));
    return List.copyOf(all.values());
  }

  long evidenceCount() {
    if (storedEvidence == null) {
      storedEvidence =
          copy != null ? copy.evidenceCount() : RecordReads.evidenceCount(transaction, incident);
    }
    return storedEvidence + pendingEvidence;
  }

  List<Decision> decisions() {
    if (storedDecisions == null) {
      storedDecisions =
          copy != null ? copy.decisions() : RecordReads.decisions(transaction, incident);
    }
    List<Decision> all = new ArrayList<>(storedDecisions);
    all.addAll(pendingDecisions);
    all.sort(Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id));
    return all;
  }

  List<Communication> communications() {
    if (storedCommunications == null) {
      storedCommunications =
          copy != null ? copy.communications() : RecordReads.communications(transaction, incident);
    }
    List<Communication> all = new ArrayList<>(storedCommunications);
    all.addAll(pendingCommunications);
    all.sort(Comparator.comparing(Communication::sentAt).thenComparing(Communication::id));
    return all;
  }

  List<RetentionExtension> retentionExtensions() {
    if (storedExtensions == null) {
      storedExtensions =
          copy != null
              ? copy.retentionExtensions()
              : RecordReads.retentionExtensions(transaction, incident);
    }
    Map<String, RetentionExtension> all = new TreeMap<>();
    storedExtensions.forEach(x -> all.put(x.id(), x));
    pendingExtensions.forEach(x -> all.put(x.id(), x));
    return List.copyOf(all.values());
  }

  /** The approvals to communicate, with those this transaction records. */
  List<Approval> approvals() {
    if (storedApprovals == null) {
      storedApprovals = RecordReads.approvals(transaction, incident);
    }
    List<Approval> all = new ArrayList<>(storedApprovals);
    all.addAll(pendingApprovals);
    return all;
  }

  /**
   * The approvals for the incident's copy: null when this transaction does not know them (a copy
   * from before approvals joined it, and none read or recorded), so the copy leaves them out.
   */
  List<Approval> approvalsForCopy() {
    return storedApprovals == null ? null : approvals();
  }

  /** Everything the exit criteria look at, with this transaction's changes. */
  IncidentRecords all() {
    return new IncidentRecords(
        measures(), evidenceCount(), decisions(), retentionExtensions(), communications());
  }

  void measure(Measure measure) {
    pendingMeasures.add(measure);
  }

  void decision(Decision decision) {
    pendingDecisions.add(decision);
  }

  void communication(Communication communication) {
    pendingCommunications.add(communication);
  }

  void retentionExtension(RetentionExtension extension) {
    pendingExtensions.add(extension);
  }

  void evidence() {
    pendingEvidence++;
  }

  void approval(Approval approval) {
    approvals(); // the copy must hold the stored ones too
    pendingApprovals.add(approval);
  }

  /** Whether this transaction changes any of them (the incident's copy must then be written). */
  boolean changed() {
    return !pendingMeasures.isEmpty()
        || !pendingDecisions.isEmpty()
        || !pendingCommunications.isEmpty()
        || !pendingExtensions.isEmpty()
        || !pendingApprovals.isEmpty()
        || pendingEvidence > 0;
  }
}
