package org.meldekette.testing;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meldekette.audit.AuditExport;
import org.meldekette.domain.Actor;
import org.meldekette.domain.AuditEvent;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Incident;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.lifecycle.Openings;
import org.meldekette.domain.lifecycle.TriageRules;
import org.meldekette.log.StructuredLog;
import org.meldekette.store.IncidentStore;

/**
 * Test data written the way the functions write it, and raw documents in volume for tests that need
 * them.
 */
public final class Seeds {
  /**
   * The author of a change a test makes through {@link IncidentStore} as its own setup: there is no
   * member to confirm.
   */
  public static final org.meldekette.store.MemberConfirmation SETUP =
      new org.meldekette.store.MemberConfirmation() {
        @Override
        public String email() {
          return "test-setup@meldekette.test";
        }

        @Override
        public void confirm(java.util.Optional<org.meldekette.domain.Member> stored) {}
      };

  /** Firestore takes at most 500 writes in one commit. */
  private static final int MAX_WRITES = 500;

  private static final Actor SEEDER = Actor.service("test-seed");

  private Seeds() {}

  /**
   * Creates raw documents, 500 to a commit (for tests of what reads them, such as the audit
   * export).
   */
  public static void createAll(
      Firestore db, Map<DocumentReference, Map<String, Object>> documents) {
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

  /**
   * Opens the incidents as they stand through the store, as every function writes incidents: with
   * their deadlines, timeline and audit chain. Their opening events count as already in the audit
   * log, as a seeded history would be, so a sweep has none of them to export.
   */
  public static void incidents(Firestore db, List<Incident> incidents, DeadlinePolicy policy) {
    List<AuditEvent> events = new ArrayList<>();
    new IncidentStore(db, policy, committed -> events.addAll(committed.events()))
        .open(incidents.stream().map(incident -> Openings.opened(incident, SEEDER)).toList());
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    // Marked exported at the seeded time, so seeding the same incidents twice leaves the same
    // documents.
    Instant latest =
        incidents.stream().map(Incident::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    new AuditExport(
            () -> db,
            exported -> {},
            new StructuredLog("test", nowhere),
            Clock.fixed(latest, ZoneOffset.UTC))
        .exportNow(events);
  }

  /** One incident, opened as {@link #incidents} opens them. */
  public static void incident(Firestore db, Incident incident, DeadlinePolicy policy) {
    incidents(db, List.of(incident), policy);
  }

  /**
   * The incident triaged at {@code aware} as a low-risk breach: its Art. 33 deadline runs 72 h from
   * then.
   */
  public static Incident triagedBreach(Incident open, Instant aware) {
    return TriageRules.triage(
            open,
            Triage.Input.classified(Classification.BREACH, null, RiskLevel.LOW),
            Actor.staff("seed@meldekette.test", Role.RESPONDER),
            aware)
        .incident();
  }

  private static void commit(WriteBatch batch) {
    try {
      batch.commit().get();
    } catch (Exception e) {
      throw new IllegalStateException("seeding failed", e);
    }
  }
}
