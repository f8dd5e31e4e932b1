package org.meldekette.testing;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.Lifecycle;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.IncidentFacts;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.DeadlineDocuments;
import org.meldekette.store.IncidentDocuments;

/** Many documents written straight into a test database, for benchmarks and tests that need volume. */
public final class Seeds {
  /** Firestore takes at most 500 writes in one commit. */
  private static final int MAX_WRITES = 500;

  private Seeds() {}

  /** Creates the documents, 500 to a commit. */
  public static void createAll(Firestore db, Map<DocumentReference, Map<String, Object>> documents) {
    WriteBatch batch = db.batch();
    for (Map.Entry<DocumentReference, Map<String, Object>> document : documents.entrySet()) {
      batch.create(document.getKey(), document.getValue());
      if (batch.getMutationsSize() == MAX_WRITES) {
        commit(batch);
        batch = db.batch();
      }
    }
    if (batch.getMutationsSize() > 0) {
      commit(batch);
    }
  }

  /** Stores the incidents as the functions do, with the deadlines the policy gives them. */
  public static void incidents(Firestore db, List<Incident> incidents, DeadlinePolicy policy) {
    Map<DocumentReference, Map<String, Object>> documents = new LinkedHashMap<>();
    for (Incident incident : incidents) {
      documents.put(db.collection(CollectionNames.INCIDENTS).document(incident.id()), DeadlineDocuments.withDeadlines(
          IncidentDocuments.fields(incident), policy.deadlines(new IncidentFacts(incident, List.of(), List.of()))));
    }
    createAll(db, documents);
  }

  /** The incident triaged at {@code aware} as a low-risk breach: its Art. 33 deadline runs 72 h from then. */
  public static Incident triagedBreach(Incident open, Instant aware) {
    return new Lifecycle().triage(open, new Triage.Input(Classification.BREACH, null, null, null, null, null, null,
        null, null, RiskLevel.LOW, null, null), Actor.staff("seed@meldekette.test", Role.RESPONDER), aware).incident();
  }

  private static void commit(WriteBatch batch) {
    try {
      batch.commit().get();
    } catch (Exception e) {
      throw new IllegalStateException("seeding failed", e);
    }
  }
}
