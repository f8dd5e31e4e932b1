package org.meldekette.store;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Transaction;
import java.util.Comparator;
import java.util.List;
import org.meldekette.domain.Approval;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.Measure;
import org.meldekette.domain.RetentionExtension;

/** The records beside an incident, read inside a transaction, in the order they happened. */
final class RecordReads {
  private RecordReads() {}

  static List<Measure> measures(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.MEASURES)))
        .getDocuments()
        .stream()
        .map(MeasureDocuments::read)
        .sorted(Comparator.comparing(Measure::createdAt).thenComparing(Measure::id))
        .toList();
  }

  static long evidenceCount(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.EVIDENCE).count()))
        .getCount();
  }

  static List<Decision> decisions(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.DECISIONS)))
        .getDocuments()
        .stream()
        .map(DecisionDocuments::read)
        .sorted(Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id))
        .toList();
  }

  static List<Communication> communications(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.COMMUNICATIONS)))
        .getDocuments()
        .stream()
        .map(CommunicationDocuments::read)
        .sorted(Comparator.comparing(Communication::sentAt).thenComparing(Communication::id))
        .toList();
  }

  static List<Approval> approvals(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.APPROVALS)))
        .getDocuments()
        .stream()
        .map(ApprovalDocuments::read)
        .sorted(Comparator.comparing(Approval::approvedAt).thenComparing(Approval::id))
        .toList();
  }

  static List<RetentionExtension> retentionExtensions(Transaction tx, DocumentReference incident) {
    return FirestoreErrors.await(tx.get(incident.collection(CollectionNames.RETENTION_EXTENSIONS)))
        .getDocuments()
        .stream()
        .map(RetentionExtensionDocuments::read)
        .sorted(Comparator.comparing(RetentionExtension::id))
        .toList();
  }
}
