package org.meldekette.store;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.meldekette.domain.IncidentRecords;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.report.IncidentFile;

/**
 * Reads every incident detected in a period with what its figures need (clocks, measures,
 * communications), for the metrics and the audit packs. The records of many incidents are asked for
 * at once rather than one incident after another: a year of incidents is two queries per incident,
 * waited for together.
 */
public final class PeriodQueries {
  /** How many incidents' records are asked for at once. */
  private static final int IN_FLIGHT = 100;

  private final Firestore db;
  private final DeadlinePolicy policy;

  public PeriodQueries(Firestore db, DeadlinePolicy policy) {
    this.db = db;
    this.policy = policy;
  }

  /** Incidents detected in [from, to), oldest first, with clocks, measures and communications. */
  public List<IncidentFile> detectedBetween(Instant from, Instant to) {
    List<DocumentSnapshot> incidents =
        new ArrayList<>(
            FirestoreErrors.await(
                    db.collection(CollectionNames.INCIDENTS)
                        .whereGreaterThanOrEqualTo("detectedAt", Timestamps.of(from))
                        .whereLessThan("detectedAt", Timestamps.of(to))
                        .orderBy("detectedAt")
                        .orderBy(FieldPath.documentId())
                        .get())
                .getDocuments());
    List<IncidentFile> files = new ArrayList<>(incidents.size());
    for (int start = 0; start < incidents.size(); start += IN_FLIGHT) {
      List<DocumentSnapshot> part =
          incidents.subList(start, Math.min(incidents.size(), start + IN_FLIGHT));
      // An incident's copy of its records is enough; only one written before copies is queried.
      List<IncidentRecords> copies = new ArrayList<>();
      List<ApiFuture<QuerySnapshot>> measures = new ArrayList<>();
      List<ApiFuture<QuerySnapshot>> communications = new ArrayList<>();
      for (DocumentSnapshot incident : part) {
        IncidentRecords copy = RecordCopies.read(incident);
        copies.add(copy);
        measures.add(
            copy != null
                ? null
                : incident.getReference().collection(CollectionNames.MEASURES).get());
        communications.add(
            copy != null
                ? null
                : incident.getReference().collection(CollectionNames.COMMUNICATIONS).get());
      }
      for (int i = 0; i < part.size(); i++) {
        DocumentSnapshot incident = part.get(i);
        IncidentRecords copy = copies.get(i);
        files.add(
            new IncidentFile(
                IncidentDocuments.incident(incident),
                DeadlineDocuments.deadlines(incident, policy.regimes()),
                copy != null
                    ? copy.measures()
                    : read(FirestoreErrors.await(measures.get(i)), MeasureDocuments::read),
                List.of(),
                List.of(),
                copy != null
                    ? copy.communications()
                    : read(
                        FirestoreErrors.await(communications.get(i)), CommunicationDocuments::read),
                List.of()));
      }
    }
    return files;
  }

  private static <T> List<T> read(QuerySnapshot snapshot, Function<DocumentSnapshot, T> mapper) {
    return snapshot.getDocuments().stream().map(mapper).toList();
  }
}
